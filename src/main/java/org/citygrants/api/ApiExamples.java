package org.citygrants.api;

/** Examples shown in the OpenAPI documentation (Swagger UI). */
final class ApiExamples {

  private ApiExamples() {}

  static final String STATEMENT = """
      {
        "grantReference": "LYON-2026",
        "cityCode": "lyon",
        "cityName": "Lyon",
        "coach": "coach1",
        "objectiveType": "learning",
        "currency": "EUR",
        "status": "OPEN",
        "awarded": "40000.00",
        "committed": "0.00",
        "pendingPayments": "0.00",
        "paid": "12000.00",
        "reportedSpent": "0.00",
        "recoveryOrdered": "0.00",
        "recovered": "0.00",
        "available": "28000.00",
        "cityFloat": "12000.00",
        "budgetLines": [
          {"line": "experiments", "allocated": "28000.00", "committed": "0.00", "remaining": "28000.00"},
          {"line": "learning-activities", "allocated": "6000.00", "committed": "0.00", "remaining": "6000.00"},
          {"line": "committee", "allocated": "2000.00", "committed": "0.00", "remaining": "2000.00"},
          {"line": "coaching", "allocated": "4000.00", "committed": "0.00", "remaining": "4000.00"}
        ],
        "payments": [
          {"paymentKey": "LYON-2026:advance", "milestone": "advance", "kind": "ADVANCE", "amount": "12000.00",
           "status": "DISBURSED", "requestedBy": "finance1", "requestedAt": "2026-03-02T09:15:00Z",
           "approvedBy": "finance2", "approvedAt": "2026-03-02T10:02:00Z", "rejectedBy": null,
           "rejectionReason": null, "disbursedAt": "2026-03-02T10:02:05Z"}
        ],
        "movements": [
          {"id": 1, "type": "GRANT_OPENED", "amount": "40000.00", "referenceKey": "LYON-2026", "actor": "officer",
           "occurredAt": "2026-02-10T14:00:00Z", "reason": "awarded", "processInstanceId": "7f1c0a2e-...",
           "activityOrTaskId": "Task_SizeGrant"},
          {"id": 7, "type": "PAYMENT_DISBURSED", "amount": "12000.00", "referenceKey": "LYON-2026:advance",
           "actor": "system", "occurredAt": "2026-03-02T10:02:05Z", "reason": null,
           "processInstanceId": "9a3d5b10-...", "activityOrTaskId": "Task_DisbursePayment"}
        ],
        "balanced": true,
        "imbalances": []
      }""";

  static final String BUDGET_VS_ACTUAL = """
      {
        "generatedAt": "2026-05-04T08:30:00Z",
        "rows": [
          {"grantReference": "LYON-2026", "cityCode": "lyon", "cityName": "Lyon", "coach": "coach1",
           "status": "OPEN", "currency": "EUR", "awarded": "40000.00", "committed": "20000.00",
           "paid": "12000.00", "reportedSpent": "0.00", "recovered": "0.00", "available": "20000.00"},
          {"grantReference": "TAMPERE-2026", "cityCode": "tampere", "cityName": "Tampere", "coach": "coach2",
           "status": "CLOSED", "currency": "EUR", "awarded": "30000.00", "committed": "0.00",
           "paid": "9000.00", "reportedSpent": "0.00", "recovered": "9000.00", "available": "30000.00"}
        ]
      }""";

  static final String BUDGET_VS_ACTUAL_CSV = "grantReference,cityCode,cityName,coach,status,currency,awarded,"
      + "committed,paid,reportedSpent,recovered,available\r\n"
      + "LYON-2026,lyon,Lyon,coach1,OPEN,EUR,40000.00,20000.00,12000.00,0.00,0.00,20000.00\r\n"
      + "TAMPERE-2026,tampere,\"Tampere, Pirkanmaa\",coach2,CLOSED,EUR,30000.00,0.00,9000.00,0.00,9000.00,30000.00\r\n";

  static final String NOT_FOUND = """
      {"status": 404, "error": "Not Found", "message": "There is no grant LYON-2099.",
       "path": "/api/grants/LYON-2099/statement"}""";

  static final String FORBIDDEN_STATEMENT = """
      {"status": 403, "error": "Forbidden", "message": "You may not see the statement of grant TAMPERE-2026: it is \
      for programme staff, finance, the grant's coach and its city team.", "path": "/api/grants/TAMPERE-2026/statement"}""";

  static final String FORBIDDEN_PROGRAMME = """
      {"status": 403, "error": "Forbidden", "message": "Only programme officers, programme managers and finance \
      officers see the programme's budget vs actual.", "path": "/api/programme/budget-vs-actual"}""";

  static final String REASON_MISSING = """
      {"status": 400, "error": "Bad Request", "message": "Say why the grant is stopped.", "field": "reason",
       "path": "/api/grants/LYON-2026/early-stop"}""";

  static final String FORBIDDEN_STOP = """
      {"status": 403, "error": "Forbidden", "message": "Only a programme officer can stop a grant.",
       "path": "/api/grants/LYON-2026/early-stop"}""";
}
