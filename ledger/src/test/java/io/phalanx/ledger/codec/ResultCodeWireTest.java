package io.phalanx.ledger.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.phalanx.ledger.state.ResultCode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The ledger's result codes and the wire enum in result_codes.proto are one list: clients read
 * code names from the proto enum, so a code added to one and not the other would be misnamed.
 */
class ResultCodeWireTest {
  @Test
  void everyLedgerCodeHasTheSameNameAndNumberOnTheWire() {
    Map<Integer, String> ledger = new TreeMap<>();
    for (ResultCode code : ResultCode.values()) {
      ledger.put(code.code(), "RESULT_" + code.name());
    }
    Map<Integer, String> wire = new TreeMap<>();
    for (io.phalanx.protocol.ResultCode code : io.phalanx.protocol.ResultCode.values()) {
      if (code != io.phalanx.protocol.ResultCode.UNRECOGNIZED) {
        wire.put(code.getNumber(), code.name());
      }
    }
    assertEquals(ledger, wire);
  }
}
