package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A hand-driven connection for hostile tests: writes whatever bytes it is told to, reads frames
 * with a bounded timeout, and tells whether the other side closed the connection.
 */
final class RawPeer implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  private RawPeer(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout((int) Await.DEFAULT.toMillis());
    socket.setTcpNoDelay(true);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  static RawPeer connect(InetSocketAddress address) throws IOException {
    return new RawPeer(new Socket(address.getAddress(), address.getPort()));
  }

  static RawPeer wrap(Socket accepted) throws IOException {
    return new RawPeer(accepted);
  }

  void sendFrame(byte[] body) throws IOException {
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  byte[] readFrame() throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 1 << 20) {
      fail("implausible frame length " + length);
    }
    byte[] body = new byte[length];
    in.readFully(body);
    return body;
  }

  /** Reads and discards until the other side closes; fails if it has not within the timeout. */
  void assertClosedByPeer() throws IOException {
    try {
      while (in.read() != -1) {
        // discard what the peer still sends (its hello) until it closes
      }
    } catch (SocketTimeoutException stillOpen) {
      fail("the connection was still open after " + Await.DEFAULT);
    } catch (EOFException | SocketException closed) {
      // reset or closed: either way the peer dropped us
    }
  }

  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
