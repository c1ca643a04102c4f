# Build: docker build -t city-grants .   (docker-compose.yml does it for you)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 1001 grants
COPY --from=build /src/target/city-experimentation-grants-*.jar /app/app.jar
USER grants
# production by default: PostgreSQL from SPRING_DATASOURCE_*, no demo users, and no start without
# CAMUNDA_ADMIN_USER and a strong CAMUNDA_ADMIN_PASSWORD; the demo profile only on purpose
ENV SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
