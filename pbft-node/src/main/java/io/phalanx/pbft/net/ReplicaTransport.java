package io.phalanx.pbft.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.phalanx.wire.FrameRejection;
import io.phalanx.wire.Framing;
import io.phalanx.wire.ReasonCounter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A replica's network transport: authenticated links to every other replica, and a separate
 * listener for clients. It moves envelope bytes and vouches for which replica a link belongs
 * to; it never parses or verifies a protocol message (see {@code README-net.md}).
 *
 * <p>Thread-safe: any thread may send. Received frames reach the {@link InboundHandler} on the
 * configured inbound executor, never on a Netty thread. Every queue is bounded; what does not fit
 * is dropped and counted in {@link #status()}.
 *
 * <pre>{@code
 * ReplicaTransport transport = ReplicaTransport.start(config, handler);
 * transport.connectTo(1, new InetSocketAddress("10.0.0.2", 7000));   // for every other replica
 * transport.send(1, envelope.toByteArray());
 * }</pre>
 */
public final class ReplicaTransport implements AutoCloseable {
  private final TransportConfig config;
  private final ReasonCounter<TransportCounter> counters = new ReasonCounter<>(TransportCounter.class);
  private final EventLoopGroup acceptGroup;
  private final EventLoopGroup ioGroup;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final LinkContext link;
  private final ClientRegistry clients = new ClientRegistry();
  private final Map<Integer, PeerLink> peers = new ConcurrentSkipListMap<>();
  private final Map<Integer, Channel> inboundLinks = new ConcurrentHashMap<>();
  private final AtomicInteger pendingHandshakes = new AtomicInteger();
  private final AtomicInteger clientConnections = new AtomicInteger();
  private final Bootstrap connectTemplate;
  private Channel replicaListener;
  private Channel clientListener;

  private ReplicaTransport(TransportConfig config, InboundHandler handler) {
    this.config = config;
    String name = "phalanx-net-r" + config.replicaId;
    this.acceptGroup = new NioEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true));
    this.ioGroup = new NioEventLoopGroup(config.ioThreads, new DefaultThreadFactory(name, true));
    InboundDispatch dispatch = new InboundDispatch(config.inboundExecutor, handler, counters);
    LinkHellos hellos = new LinkHellos(config.replicaId, config.consortiumId, config.keyPair,
        config.replicaKeys);
    this.link = new LinkContext(config.replicaId, hellos, dispatch, counters,
        config.challengeRandom, config.handshakeTimeoutMillis, config.inboundFramesInFlightMax);
    this.connectTemplate = new Bootstrap().group(ioGroup).channel(NioSocketChannel.class);
    config.socketSettings.applyTo(connectTemplate);
  }

  /**
   * Binds both listeners and returns the running transport; it dials no one until
   * {@link #connectTo}. Throws if a listener cannot bind (nothing is left running then).
   */
  public static ReplicaTransport start(TransportConfig config, InboundHandler handler) {
    ReplicaTransport transport = new ReplicaTransport(Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(handler, "handler"));
    try {
      transport.replicaListener = transport.listen(config.replicaListenAddress,
          transport.replicaInitializer());
      transport.clientListener = transport.listen(config.clientListenAddress,
          transport.clientInitializer());
      return transport;
    } catch (RuntimeException bindFailed) {
      transport.close();
      throw bindFailed;
    }
  }

  private Channel listen(InetSocketAddress address, ChannelInitializer<SocketChannel> children) {
    ServerBootstrap server = new ServerBootstrap().group(acceptGroup, ioGroup)
        .channel(NioServerSocketChannel.class).childHandler(children);
    config.socketSettings.applyTo(server);
    Channel listener = server.bind(address).syncUninterruptibly().channel();
    channels.add(listener);
    return listener;
  }

  private ChannelInitializer<SocketChannel> replicaInitializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        if (pendingHandshakes.incrementAndGet() > config.pendingHandshakesMax) {
          pendingHandshakes.decrementAndGet();
          counters.increment(TransportCounter.HELLO_PENDING_FULL);
          channel.close();
          return;
        }
        InboundLink inbound = new InboundLink();
        channel.closeFuture().addListener(closed -> inbound.leavePending());
        configureLink(channel, OptionalInt.empty(), inbound);
      }
    };
  }

  private void configureLink(Channel channel, OptionalInt expectedPeer, LinkListener listener) {
    channels.add(channel);
    config.tls.ifPresent(tls -> channel.pipeline().addLast("tls", tls.newHandler(channel.alloc(),
        expectedPeer.isPresent(), config.handshakeTimeoutMillis)));
    Framing.addTo(channel.pipeline(), config.frameBytesMax, reason -> counters.increment(
        reason == FrameRejection.TOO_LONG ? TransportCounter.FRAME_TOO_LONG
            : TransportCounter.FRAME_TRUNCATED));
    // Until the link is authenticated only hellos are read: a few hundred bytes, not megabytes.
    Framing.limitFrameBytes(channel.pipeline(), LinkHellos.HELLO_BYTES_MAX);
    channel.pipeline().addLast("link-handshake", new LinkHandshake(link, expectedPeer, listener,
        config.frameBytesMax));
  }

  private ChannelInitializer<SocketChannel> clientInitializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        ClientChannel client = new ClientChannel(channel, config.frameBytesMax, counters);
        Framing.addTo(channel.pipeline(), config.frameBytesMax, reason -> counters.increment(
            reason == FrameRejection.TOO_LONG ? TransportCounter.CLIENT_FRAME_TOO_LONG
                : TransportCounter.CLIENT_FRAME_TRUNCATED));
        channel.pipeline().addFirst("client-idle", new IdleStateHandler(
            config.clientIdleTimeoutMillis, 0, 0, TimeUnit.MILLISECONDS));
        channel.pipeline().addLast("client-frames", new ClientFrameHandler(client,
            link.dispatch(), clientConnections, config.clientConnectionsMax,
            counters, new InboundBudget(channel, config.inboundFramesInFlightMax)));
      }
    };
  }

  /** Where peers connect (the bound address, with the real port when 0 was asked for). */
  public InetSocketAddress replicaAddress() {
    return (InetSocketAddress) replicaListener.localAddress();
  }

  /** Where clients connect. */
  public InetSocketAddress clientAddress() {
    return (InetSocketAddress) clientListener.localAddress();
  }

  /**
   * Starts the outgoing link to {@code replica} at {@code address}: dial, authenticate, and
   * redial with back-off for as long as the transport runs. Once per peer.
   */
  public void connectTo(int replica, InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (replica == config.replicaId || !config.replicaKeys.containsKey(replica)) {
      throw new IllegalArgumentException("not another replica of the consortium: " + replica);
    }
    PeerLink peer = new PeerLink(replica, address, ioGroup.next(), connectTemplate,
        this::configureLink,
        new OutboundQueue(config.outboundQueueMessagesMax, config.outboundQueueBytesMax),
        config.backoff, counters);
    if (peers.putIfAbsent(replica, peer) != null) {
      throw new IllegalStateException("already connecting to replica " + replica);
    }
    peer.start();
  }

  /**
   * Queues one envelope (its serialised bytes) for {@code replica}. The caller must not change
   * the array afterwards. Returns false if it was dropped (queue at its bound, or too large).
   */
  public boolean send(int replica, byte[] envelopeBytes) {
    PeerLink peer = peers.get(replica);
    if (peer == null) {
      throw new IllegalArgumentException("no link to replica " + replica + "; call connectTo");
    }
    return isSendable(envelopeBytes) && peer.send(envelopeBytes);
  }

  /** Queues one envelope for every peer; returns how many peers' queues took it. */
  public int broadcast(byte[] envelopeBytes) {
    if (!isSendable(envelopeBytes)) {
      return 0;
    }
    int queued = 0;
    for (PeerLink peer : peers.values()) {
      queued += peer.send(envelopeBytes) ? 1 : 0;
    }
    return queued;
  }

  private boolean isSendable(byte[] envelopeBytes) {
    if (Objects.requireNonNull(envelopeBytes, "envelopeBytes").length > config.frameBytesMax) {
      counters.increment(TransportCounter.OUTBOUND_TOO_LARGE);
      return false;
    }
    return true;
  }

  /**
   * Routes {@code clientId}'s replies to {@code channel}. Call it only after verifying a request
   * signed by that client on that channel, so an impostor cannot redirect someone's replies.
   */
  public void bindClient(long clientId, ClientChannel channel) {
    clients.bind(clientId, Objects.requireNonNull(channel, "channel"));
  }

  /** Sends a reply on the channel bound to {@code clientId}; false (and counted) if none. */
  public boolean sendToClient(long clientId, byte[] envelopeBytes) {
    return clients.channelOf(clientId).map(channel -> channel.send(envelopeBytes))
        .orElseGet(() -> {
          counters.increment(TransportCounter.CLIENT_REPLY_DROPPED);
          return false;
        });
  }

  /** Counters by reason and the state of every outgoing link. */
  public TransportStatus status() {
    List<TransportStatus.PeerStatus> lines = new ArrayList<>();
    for (PeerLink peer : peers.values()) {
      lines.add(new TransportStatus.PeerStatus(peer.peer(), peer.isAuthenticated(),
          peer.isWritable(), peer.queuedMessages(), peer.queuedBytes(), peer.socketBufferedBytes(),
          peer.consecutiveFailures()));
    }
    return new TransportStatus(counters.snapshot(), lines);
  }

  /** Closes every link and listener and stops the IO threads. Idempotent. */
  @Override
  public void close() {
    peers.values().forEach(PeerLink::stop);
    channels.close().awaitUninterruptibly();
    acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    acceptGroup.terminationFuture().awaitUninterruptibly();
    ioGroup.terminationFuture().awaitUninterruptibly();
  }

  /** An incoming link: counts against the pending bound until it authenticates or closes. */
  private final class InboundLink implements LinkListener {
    private final AtomicBoolean pending = new AtomicBoolean(true);

    void leavePending() {
      if (pending.compareAndSet(true, false)) {
        pendingHandshakes.decrementAndGet();
      }
    }

    @Override
    public void onAuthenticated(Channel channel, int replica) {
      leavePending();
      Channel previous = inboundLinks.put(replica, channel);
      if (previous != null && previous != channel) {
        previous.close();  // the peer redialled: its old connection is dead or a duplicate
      }
      channel.closeFuture().addListener(closed -> inboundLinks.remove(replica, channel));
    }

    @Override
    public void onWritabilityChanged(Channel channel) {
      // Nothing is queued for incoming links: we send on our own outgoing link to each peer.
    }
  }
}
