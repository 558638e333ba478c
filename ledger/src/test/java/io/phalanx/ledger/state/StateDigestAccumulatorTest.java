package io.phalanx.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.phalanx.crypto.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class StateDigestAccumulatorTest {

  static Bytes bytes(Random random, int length) {
    byte[] raw = new byte[length];
    random.nextBytes(raw);
    return Bytes.wrapOwned(raw);
  }

  @Property(tries = 50)
  void theDigestIgnoresOrderAndRemovalUndoesAddition(@ForAll long seed) {
    Random random = new Random(seed);
    List<Bytes[]> entries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      entries.add(new Bytes[] {bytes(random, 1 + random.nextInt(8)), bytes(random, 16)});
    }
    StateDigestAccumulator forward = new StateDigestAccumulator();
    entries.forEach(entry -> forward.add(entry[0], entry[1]));
    Collections.shuffle(entries, random);
    StateDigestAccumulator shuffled = new StateDigestAccumulator();
    entries.forEach(entry -> shuffled.add(entry[0], entry[1]));
    Bytes[] extra = {bytes(random, 4), bytes(random, 4)};
    StateDigestAccumulator addedAndRemoved = shuffled.copy();
    addedAndRemoved.add(extra[0], extra[1]);
    StateDigestAccumulator added = addedAndRemoved.copy();
    addedAndRemoved.remove(extra[0], extra[1]);

    assertEquals(forward.digest(), shuffled.digest());
    assertEquals(forward.digest(), addedAndRemoved.digest());
    assertNotEquals(forward.digest(), added.digest());
    assertEquals(added.toBytes(), StateDigestAccumulator.fromBytes(added.toBytes()).toBytes());
  }

  @Property(tries = 50)
  void subtractionBorrowsAcrossAllWords(@ForAll long seed) {
    Random random = new Random(seed);
    StateDigestAccumulator accumulator = new StateDigestAccumulator();
    Bytes key = bytes(random, 3);
    Bytes value = bytes(random, 3);
    accumulator.remove(key, value);
    accumulator.remove(key, value);
    accumulator.add(key, value);
    accumulator.add(key, value);

    assertEquals(new StateDigestAccumulator().toBytes(), accumulator.toBytes());
  }

  @Property(tries = 20)
  void keyAndValueBoundariesMatter(@ForAll long seed) {
    Random random = new Random(seed);
    Bytes a = bytes(random, 4);
    Bytes b = bytes(random, 4);
    StateDigestAccumulator split = new StateDigestAccumulator();
    split.add(a, b);
    StateDigestAccumulator shifted = new StateDigestAccumulator();
    shifted.add(a.concat(b), Bytes.empty());

    assertNotEquals(split.digest(), shifted.digest());
  }
}
