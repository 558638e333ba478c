package io.phalanx.ledger.state;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The state machine stays pure: no storage engine, protobuf, network, concurrency, hash-ordered
 * collections, randomness or clock. (The lead's architecture test enforces the same for the
 * whole project; this one guards the ledger module on its own.)
 */
class StatePurityTest {
  static final JavaClasses STATE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.phalanx.ledger.state");

  @Test
  void theStateMachineDependsOnNothingImpureOrUnordered() {
    noClasses().that().resideInAPackage("io.phalanx.ledger.state..")
        .should().dependOnClassesThat().resideInAnyPackage("org.fusesource..", "org.iq80..",
            "com.google.protobuf..", "io.phalanx.protocol..", "io.netty..",
            "java.util.concurrent..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .check(STATE);
  }

  @Test
  void theStateMachineReadsNoClock() {
    noClasses().that().resideInAPackage("io.phalanx.ledger.state..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .check(STATE);
  }
}
