package io.phalanx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger's state machine is deterministic (DESIGN.md, "Ledger"): it reads no clock, uses no
 * ambient randomness or threads, iterates nothing in hash order, and knows neither LevelDB nor
 * protobuf, which stay in the store and codec packages at its edge.
 */
class ArchitectureTest {
  private static final String STATE_MACHINE = "io.phalanx.ledger.state..";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.phalanx.ledger");
  }

  private static final ArchRule STATE_MACHINE_KNOWS_NO_STORAGE_ENGINE_OR_WIRE_FORMAT =
      noClasses().that().resideInAPackage(STATE_MACHINE).should().dependOnClassesThat()
        .resideInAnyPackage("org.fusesource..", "org.iq80..", "com.google.protobuf..",
            "io.phalanx.protocol..", "io.netty..", "java.nio.file..", "java.nio.channels..", "java.net..")
        .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class,
            java.io.FileInputStream.class, java.io.FileOutputStream.class,
            java.io.RandomAccessFile.class);

  @Test
  void stateMachineKnowsNoStorageEngineOrWireFormat() {
    check(STATE_MACHINE_KNOWS_NO_STORAGE_ENGINE_OR_WIRE_FORMAT, classes);
  }

  private static final ArchRule STATE_MACHINE_HAS_NO_THREADS_OR_CONCURRENCY =
      noClasses().that().resideInAPackage(STATE_MACHINE).should().dependOnClassesThat()
        .resideInAnyPackage("java.util.concurrent..")
        .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, ThreadLocal.class);

  @Test
  void stateMachineHasNoThreadsOrConcurrency() {
    check(STATE_MACHINE_HAS_NO_THREADS_OR_CONCURRENCY, classes);
  }

  private static final ArchRule STATE_MACHINE_READS_NO_CLOCK_AND_NO_AMBIENT_RANDOMNESS =
      noClasses().that().resideInAPackage(STATE_MACHINE).should().dependOnClassesThat()
        .belongToAnyOf(java.util.Random.class, java.security.SecureRandom.class,
            java.util.SplittableRandom.class, java.time.Clock.class, java.time.Instant.class,
            java.time.LocalDateTime.class, java.time.ZonedDateTime.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Math.class, "random");

  @Test
  void stateMachineReadsNoClockAndNoAmbientRandomness() {
    check(STATE_MACHINE_READS_NO_CLOCK_AND_NO_AMBIENT_RANDOMNESS, classes);
  }

  private static final ArchRule STATE_MACHINE_NEVER_ITERATES_IN_HASH_ORDER =
      noClasses().that().resideInAPackage(STATE_MACHINE).should().dependOnClassesThat()
        .belongToAnyOf(java.util.HashMap.class, java.util.HashSet.class,
            java.util.IdentityHashMap.class, java.util.WeakHashMap.class);

  @Test
  void stateMachineNeverIteratesInHashOrder() {
    check(STATE_MACHINE_NEVER_ITERATES_IN_HASH_ORDER, classes);
  }

  /** Control: every rule above fails on a class that breaks all of them, so none is vacuous. */
  @Test
  void everyRuleCatchesAViolatingClass() {
    JavaClasses violator = new ClassFileImporter()
        .importClasses(io.phalanx.ledger.state.archfixture.ImpureFixture.class);
    for (ArchRule rule : java.util.List.of(
        STATE_MACHINE_KNOWS_NO_STORAGE_ENGINE_OR_WIRE_FORMAT,
        STATE_MACHINE_HAS_NO_THREADS_OR_CONCURRENCY,
        STATE_MACHINE_READS_NO_CLOCK_AND_NO_AMBIENT_RANDOMNESS,
        STATE_MACHINE_NEVER_ITERATES_IN_HASH_ORDER)) {
      org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> rule.check(violator), rule.getDescription());
    }
  }

  private static void check(ArchRule rule, JavaClasses imported) {
    rule.allowEmptyShould(true).check(imported);
  }
}
