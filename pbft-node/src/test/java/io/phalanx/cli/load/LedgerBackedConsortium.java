package io.phalanx.cli.load;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.phalanx.config.HostPort;
import io.phalanx.crypto.Bytes;
import io.phalanx.crypto.KeyFiles;
import io.phalanx.crypto.PublicKey;
import io.phalanx.crypto.Sha256;
import io.phalanx.crypto.SigningKeyPair;
import io.phalanx.ledger.BatchInput;
import io.phalanx.ledger.GenesisConfig;
import io.phalanx.ledger.Ledger;
import io.phalanx.ledger.LedgerRequest;
import io.phalanx.ledger.store.MemoryLedgerStore;
import io.phalanx.node.config.ConsortiumLayout;
import io.phalanx.protocol.ClientReply;
import io.phalanx.protocol.ClientRequest;
import io.phalanx.protocol.CreateResults;
import io.phalanx.protocol.EventResult;
import io.phalanx.protocol.LedgerOperation;
import io.phalanx.protocol.LedgerResult;
import io.phalanx.protocol.Genesis;
import io.phalanx.protocol.Member;
import io.phalanx.protocol.Payload;
import io.phalanx.protocol.SenderKind;
import io.phalanx.protocol.SignedEnvelope;
import io.phalanx.wire.Envelopes;
import io.phalanx.wire.Framing;
import io.phalanx.wire.SocketSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a running consortium, for tests that need the real ledger but not PBFT: four
 * client listeners at the genesis's client addresses, one shared {@link Ledger} that executes each
 * ordered request as its own block, and every replica signing its reply with its own key from
 * the consortium directory. Read-only requests are answered by the replica that received them.
 * Replies go to every connection of a replica; other clients ignore them.
 */
final class LedgerBackedConsortium implements AutoCloseable {
  private final EventLoopGroup group = new NioEventLoopGroup(2);
  private final Ledger ledger;
  private final Map<Long, PublicKey> members = new HashMap<>();
  private final List<SigningKeyPair> keys = new ArrayList<>();
  private final List<ChannelGroup> connections = new ArrayList<>();
  private long sequence;
  private boolean forgetting;
  private long singleTransfers;

  LedgerBackedConsortium(Path directory) throws Exception {
    ConsortiumLayout layout = new ConsortiumLayout(directory);
    Genesis genesis = Genesis.parseFrom(Files.readAllBytes(layout.genesis()));
    ledger = Ledger.open(new MemoryLedgerStore(), GenesisConfig.fromProto(genesis));
    for (Member member : genesis.getMembersList()) {
      members.put(member.getId(), PublicKey.of(member.getPublicKey().toByteArray()));
    }
    for (int i = 0; i < genesis.getReplicasCount(); i++) {
      keys.add(KeyFiles.readPrivateKey(layout.replicaKeys(i).resolve("signing.key")));
      connections.add(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE));
      listen(i, HostPort.parse(genesis.getReplicas(i).getClientAddress()));
    }
  }

  private void listen(int replica, HostPort address) {
    ServerBootstrap bootstrap = new ServerBootstrap().group(group)
        .channel(NioServerSocketChannel.class);
    SocketSettings.defaults().applyTo(bootstrap);
    bootstrap.childHandler(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        connections.get(replica).add(channel);
        Framing.addTo(channel.pipeline(), Framing.DEFAULT_FRAME_BYTES_MAX, reason -> { });
        channel.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
          @Override
          protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
            onRequest(replica, ByteBufUtil.getBytes(frame));
          }
        });
      }
    });
    bootstrap.bind(address.host(), address.port()).syncUninterruptibly();
  }

  /** From now on, every second single-transfer request is acknowledged but never executed. */
  synchronized void forgetEverySecondTransfer() {
    forgetting = true;
  }

  private boolean forgets(Bytes operation) {
    try {
      LedgerOperation parsed = LedgerOperation.parseFrom(operation.toByteArray());
      return forgetting && parsed.getCreateTransfers().getTransfersCount() == 1
          && ++singleTransfers % 2 == 0;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  private synchronized void onRequest(int receiver, byte[] frame) {
    Optional<SignedEnvelope> envelope = Envelopes.parse(frame);
    if (envelope.isEmpty()) {
      return;
    }
    PublicKey key = members.get(envelope.get().getSenderId());
    if (key == null || !Envelopes.check(envelope.get(), key).isValid()) {
      return;
    }
    ClientRequest request = Envelopes.parsePayload(envelope.get()).orElseThrow().getRequest();
    Bytes operation = Bytes.of(request.getOperation().toByteArray());
    if (request.getReadOnly()) {
      reply(receiver, request, ledger.query(request.getClientId(), operation), 0);
      return;
    }
    if (forgets(operation)) {
      Bytes acknowledged = Bytes.of(LedgerResult.newBuilder().setCreateResults(
          CreateResults.newBuilder().addResults(EventResult.getDefaultInstance())).build()
          .toByteArray());
      for (int replica = 0; replica < keys.size(); replica++) {
        reply(replica, request, acknowledged, sequence);
      }
      return;
    }
    sequence++;
    LedgerRequest executed = new LedgerRequest(request.getClientId(), request.getTimestamp(),
        operation);
    Bytes result = ledger.applyBatch(new BatchInput(sequence, 0, System.currentTimeMillis(),
        Sha256.hash(frame), List.of(executed), Bytes.empty())).results().get(0);
    for (int replica = 0; replica < keys.size(); replica++) {
      reply(replica, request, result, sequence);
    }
  }

  private void reply(int replica, ClientRequest request, Bytes result, long executedAt) {
    ClientReply reply = ClientReply.newBuilder().setView(0).setTimestamp(request.getTimestamp())
        .setClientId(request.getClientId()).setReplica(replica)
        .setResult(com.google.protobuf.ByteString.copyFrom(result.toByteArray()))
        .setSequence(executedAt).build();
    byte[] frame = Envelopes.sign(SenderKind.SENDER_KIND_REPLICA, replica,
        Payload.newBuilder().setReply(reply).build(), keys.get(replica)).toByteArray();
    connections.get(replica).writeAndFlush(Unpooled.wrappedBuffer(frame));
  }

  @Override
  public void close() {
    connections.forEach(ChannelGroup::close);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    ledger.close();
  }
}
