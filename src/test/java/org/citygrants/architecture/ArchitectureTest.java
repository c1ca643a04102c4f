package org.citygrants.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages read top-down and form no cycle: the web and the APIs on top, then the grant's use
 * cases, then who may do what, then process access, then the foundations (the ledger, identity,
 * notification, configuration). A change that makes a lower layer reach up fails here.
 */
@AnalyzeClasses(packages = "org.citygrants", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().matching("org.citygrants.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layersAreUsedTopDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Web").definedBy("org.citygrants.api..", "org.citygrants.cohort.web..", "org.citygrants.rest..",
          "org.citygrants.signin..", "org.citygrants.grantpage..", "org.citygrants.delivery..")
      .layer("Use cases").definedBy("org.citygrants.grant..", "org.citygrants.preparation..",
          "org.citygrants.committee..", "org.citygrants.experiment..", "org.citygrants.payment..",
          "org.citygrants.settlement..", "org.citygrants.reporting..", "org.citygrants.cohort",
          "org.citygrants.evidence..")
      .layer("Access").definedBy("org.citygrants.access..", "org.citygrants.validation..")
      .layer("Process").definedBy("org.citygrants.process..")
      .layer("Foundations").definedBy("org.citygrants.ledger..", "org.citygrants.identity..",
          "org.citygrants.notification..", "org.citygrants.config..", "org.citygrants.querytuning..",
          "org.citygrants.language..")
      .whereLayer("Web").mayNotBeAccessedByAnyLayer()
      .whereLayer("Use cases").mayOnlyBeAccessedByLayers("Web")
      .whereLayer("Access").mayOnlyBeAccessedByLayers("Web", "Use cases")
      .whereLayer("Process").mayOnlyBeAccessedByLayers("Web", "Use cases", "Access")
      .whereLayer("Foundations").mayOnlyBeAccessedByLayers("Web", "Use cases", "Access", "Process");
}
