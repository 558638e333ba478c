package io.phalanx.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.phalanx.crypto.Bytes;
import org.junit.jupiter.api.Test;

/** The binding format reaches the ledger (inside sealed boxes): it must not drift. */
class VaultBindingTest {
  @Test
  void theShareBindingHasItsDocumentedLayout() {
    assertEquals("7068616c616e78207661756c7420736861726520763100" + "00000001" + "6e"
        + "0000000000000001" + "00000000", Bytes.wrapOwned(VaultBinding.share("n", 1, 0)).toHex());
  }

  @Test
  void everyPlaceGetsADifferentBinding() {
    Bytes share = Bytes.wrapOwned(VaultBinding.share("n", 1, 0));
    assertNotEquals(share, Bytes.wrapOwned(VaultBinding.delta("n", 1, 0)));
    assertNotEquals(share, Bytes.wrapOwned(VaultBinding.reshare("n", 1, 0)));
    assertNotEquals(share, Bytes.wrapOwned(VaultBinding.share("n", 2, 0)));
    assertNotEquals(share, Bytes.wrapOwned(VaultBinding.share("n", 1, 1)));
    assertNotEquals(share, Bytes.wrapOwned(VaultBinding.share("m", 1, 0)));
  }
}
