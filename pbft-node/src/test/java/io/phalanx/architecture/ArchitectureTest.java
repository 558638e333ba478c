package io.phalanx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PBFT core is a pure state machine (DESIGN.md, "The PBFT core is a pure state machine"):
 * no IO, no threads, no clock, no ambient randomness, no protobuf, and no hash-order iteration.
 * These rules hold from the first class of {@code io.phalanx.pbft.core} on.
 */
class ArchitectureTest {
  private static final String CORE = "io.phalanx.pbft.core..";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.phalanx");
  }

  private static final ArchRule CORE_DOES_NO_IO_AND_KNOWS_NO_WIRE_FORMAT =
      noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
        .resideInAnyPackage("io.netty..", "com.google.protobuf..", "io.phalanx.protocol..",
            "org.fusesource..", "org.iq80..", "java.nio.file..", "java.nio.channels..", "java.net..",
            "io.phalanx.ledger..", "io.phalanx.pbft.sim..", "io.phalanx.pbft.net..",
            "org.slf4j..", "ch.qos.logback..")
        .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class,
            java.io.FileInputStream.class, java.io.FileOutputStream.class,
            java.io.RandomAccessFile.class);

  @Test
  void coreDoesNoIoAndKnowsNoWireFormat() {
    check(CORE_DOES_NO_IO_AND_KNOWS_NO_WIRE_FORMAT, classes);
  }

  private static final ArchRule CORE_HAS_NO_THREADS_OR_CONCURRENCY =
      noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
        .resideInAnyPackage("java.util.concurrent..")
        .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, ThreadLocal.class);

  @Test
  void coreHasNoThreadsOrConcurrency() {
    check(CORE_HAS_NO_THREADS_OR_CONCURRENCY, classes);
  }

  private static final ArchRule CORE_READS_NO_CLOCK_AND_NO_AMBIENT_RANDOMNESS =
      noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
        .belongToAnyOf(java.util.Random.class, java.security.SecureRandom.class,
            java.util.SplittableRandom.class, java.time.Clock.class, java.time.Instant.class,
            java.time.LocalDateTime.class, java.time.ZonedDateTime.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Math.class, "random");

  @Test
  void coreReadsNoClockAndNoAmbientRandomness() {
    check(CORE_READS_NO_CLOCK_AND_NO_AMBIENT_RANDOMNESS, classes);
  }

  private static final ArchRule CORE_NEVER_ITERATES_IN_HASH_ORDER =
      noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
        .belongToAnyOf(java.util.HashMap.class, java.util.HashSet.class,
            java.util.IdentityHashMap.class, java.util.WeakHashMap.class);

  @Test
  void coreNeverIteratesInHashOrder() {
    check(CORE_NEVER_ITERATES_IN_HASH_ORDER, classes);
  }

  private static final ArchRule SIMULATOR_DOES_NOT_REACH_THE_NETWORK_STACK =
      noClasses().that().resideInAPackage("io.phalanx.pbft.sim..").should()
        .dependOnClassesThat().resideInAnyPackage("io.netty..", "org.fusesource..", "java.net..");

  @Test
  void simulatorDoesNotReachTheNetworkStack() {
    check(SIMULATOR_DOES_NOT_REACH_THE_NETWORK_STACK, classes);
  }

  /** Control: every rule above fails on a class that breaks all of them, so none is vacuous. */
  @Test
  void everyRuleCatchesAViolatingClass() {
    JavaClasses violator = new ClassFileImporter()
        .importClasses(io.phalanx.pbft.core.archfixture.ImpureFixture.class);
    for (ArchRule rule : java.util.List.of(
        CORE_DOES_NO_IO_AND_KNOWS_NO_WIRE_FORMAT,
        CORE_HAS_NO_THREADS_OR_CONCURRENCY,
        CORE_READS_NO_CLOCK_AND_NO_AMBIENT_RANDOMNESS,
        CORE_NEVER_ITERATES_IN_HASH_ORDER)) {
      org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
          () -> rule.check(violator), rule.getDescription());
    }
  }

  private static void check(ArchRule rule, JavaClasses imported) {
    rule.allowEmptyShould(true).check(imported);
  }
}
