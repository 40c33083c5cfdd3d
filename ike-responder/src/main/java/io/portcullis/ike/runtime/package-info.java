/**
 * The thin adapter that runs the plain-Java IKE responder inside the Quarkus server: the only
 * package of ike-responder that uses CDI, configuration or sockets.
 *
 * <p>{@link io.portcullis.ike.runtime.IkeSettings} ({@code portcullis.ike.*}) →
 * {@link io.portcullis.ike.runtime.GatewayPolicies} (policy, limits, EKU, revocation mode) →
 * {@link io.portcullis.ike.runtime.IkeGateway#start} (called by the server once the gateway's own
 * certificate and the authenticator exist) → {@link io.portcullis.ike.runtime.IkeTransport}: one
 * reader thread per UDP socket (500, 4500) handing each datagram to the lane of its IKE SA shard
 * ({@code IkeWorkers}: one thread per shard, one per processor by default) which runs
 * {@code IkeEngine.process}; the peer checks of Main Mode message 5 (PKIX, OCSP, CRL) run on
 * a bounded authentication pool and their message 6 is sent when they end; replies sent
 * from the socket the peer talks to, ESP-in-UDP handed to an {@link io.portcullis.ike.runtime.EspHook}
 * (for now {@link io.portcullis.ike.runtime.CountingEspHook}: counted, dropped), events logged by
 * {@code IkeEventLog}, an expiry sweep on a timer, and a one-second timer for what the gateway
 * starts itself (rekeys at soft lifetimes, their retransmissions, dead peer detection).
 */
package io.portcullis.ike.runtime;
