package io.phalanx.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Ed25519 test vectors of RFC 8032, section 7.1: TEST 1, TEST 2, TEST 3, TEST 1024 and
 * TEST SHA(abc). Key generation, signing (deterministic) and verification must all reproduce
 * them.
 *
 * <p>TEST 1024's 1023-byte message and its signature are taken from Wycheproof's
 * {@code ed25519_test.json} tcId 83 ("draft-josefsson-eddsa-ed25519-02: Test 1024", the same
 * vector), rather than typed in; its secret key and public key are from the RFC.
 */
class Ed25519Rfc8032Test {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> vectors() {
    Wycheproof.Vector test1024 = Wycheproof.load("ed25519_test.json").stream()
        .filter(vector -> vector.tcId() == 83).findFirst().orElseThrow();
    return Stream.of(
        Arguments.of("TEST 1",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Arguments.of("TEST 2",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        Arguments.of("TEST 3",
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
        Arguments.of("TEST 1024",
            "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
            "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
            test1024.text("msg"),
            test1024.text("sig")),
        Arguments.of("TEST SHA(abc)",
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void keyGenerationSigningAndVerificationMatchTheRfc(String name, String secretHex,
      String publicHex, String messageHex, String signatureHex) {
    SigningKeyPair pair = SigningKeyPair.of(PrivateKey.of(HEX.parseHex(secretHex)));
    byte[] message = HEX.parseHex(messageHex);

    assertEquals(publicHex, pair.publicKey().toHex(), "public key");
    Signature signature = pair.sign(message);
    assertEquals(signatureHex, HEX.formatHex(signature.toByteArray()), "signature");
    assertTrue(Ed25519Verifier.isValid(PublicKey.of(HEX.parseHex(publicHex)), message,
        Signature.of(HEX.parseHex(signatureHex))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void aChangedMessageOrSignatureDoesNotVerify(String name, String secretHex, String publicHex,
      String messageHex, String signatureHex) {
    PublicKey key = PublicKey.of(HEX.parseHex(publicHex));
    byte[] message = HEX.parseHex(messageHex);
    byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
    assertFalse(Ed25519Verifier.isValid(key, longer, Signature.of(HEX.parseHex(signatureHex))));
    for (int position : new int[] {0, 31, 32, 63}) {
      byte[] tampered = HEX.parseHex(signatureHex);
      tampered[position] ^= 0x01;
      assertFalse(Ed25519Verifier.isValid(key, message, Signature.of(tampered)),
          "signature byte " + position + " flipped");
    }
  }
}
