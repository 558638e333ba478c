package io.phalanx.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fuzzes parsing of the wire and storage messages. Contract: junk raises
 * {@link InvalidProtocolBufferException} and nothing else; a message that parses re-serialises
 * to bytes that parse to an equal message (the bytes themselves may differ: protobuf encoding is
 * not canonical, which is why signatures cover the bytes as received).
 *
 * <p>Regression inputs: {@code src/test/resources/io/phalanx/protocol/ProtocolParsingFuzzTestInputs/}.
 */
class ProtocolParsingFuzzTest {
  /** Every message type of every Phalanx .proto file, in a fixed order (by full name). */
  private static final List<Descriptor> TYPES = allMessageTypes();
  private static final List<Parser<? extends Message>> PARSERS =
      TYPES.stream().<Parser<? extends Message>>map(ProtocolParsingFuzzTest::parserOf).toList();

  @FuzzTest
  void signedEnvelope(byte[] data) throws InvalidProtocolBufferException {
    SignedEnvelope envelope;
    try {
      envelope = SignedEnvelope.parseFrom(data);
    } catch (InvalidProtocolBufferException expected) {
      return;
    }
    assertEquals(envelope, SignedEnvelope.parseFrom(envelope.toByteArray()));
    // What a receiver does next: the payload bytes, exactly as received, parse as a Payload.
    payload(envelope.getPayload().toByteArray());
  }

  @FuzzTest
  void payload(byte[] data) throws InvalidProtocolBufferException {
    Payload payload;
    try {
      payload = Payload.parseFrom(data);
    } catch (InvalidProtocolBufferException expected) {
      return;
    }
    assertEquals(payload, Payload.parseFrom(payload.toByteArray()));
    assertEquals(payload.getKindCase() == Payload.KindCase.KIND_NOT_SET,
        payload.getAllFields().isEmpty(), payload.toString());
  }

  /**
   * The last byte picks one of every message type ({@link FuzzedDataProvider} takes numbers from
   * the end), the bytes before it are parsed as that type.
   */
  @FuzzTest
  void everyMessageType(FuzzedDataProvider data) throws InvalidProtocolBufferException {
    Parser<? extends Message> parser = PARSERS.get(typeIndex(data.consumeByte()));
    byte[] bytes = data.consumeRemainingAsBytes();
    Message message;
    try {
      message = parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException expected) {
      return;
    }
    assertEquals(message, parser.parseFrom(message.toByteArray()));
  }

  static int typeIndex(byte selector) {
    return (selector & 0xff) % PARSERS.size();
  }

  /** The selector byte that makes {@link #everyMessageType} parse {@code type}. */
  static byte selectorOf(Descriptor type) {
    int index = TYPES.indexOf(type);
    if (index < 0) {
      throw new IllegalArgumentException(type.getFullName());
    }
    return (byte) index;
  }

  private static List<Descriptor> allMessageTypes() {
    List<Descriptor> types = new ArrayList<>();
    for (FileDescriptor file : new FileDescriptor[] {
        BlockProto.getDescriptor(), ClientProto.getDescriptor(), EnvelopeProto.getDescriptor(),
        LedgerProto.getDescriptor(), PayloadProto.getDescriptor(), PbftProto.getDescriptor(),
        StorageProto.getDescriptor(), VaultProto.getDescriptor()}) {
      collect(file.getMessageTypes(), types);
    }
    types.sort(Comparator.comparing(Descriptor::getFullName));
    return List.copyOf(types);
  }

  private static void collect(List<Descriptor> types, List<Descriptor> into) {
    for (Descriptor type : types) {
      into.add(type);
      collect(type.getNestedTypes(), into);
    }
  }

  @SuppressWarnings("unchecked")
  private static Parser<? extends Message> parserOf(Descriptor type) {
    String name = type.getFullName().substring(type.getFile().getPackage().length() + 1)
        .replace('.', '$');
    try {
      Class<?> generated = Class.forName("io.phalanx.protocol." + name);
      return (Parser<? extends Message>) generated.getMethod("parser").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no generated class for " + type.getFullName(), e);
    }
  }
}
