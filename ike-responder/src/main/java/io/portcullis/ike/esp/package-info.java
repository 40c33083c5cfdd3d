/**
 * The user-space ESP data plane core: RFC 4303 tunnel mode inside RFC 3948 UDP encapsulation, plain Java
 * with no I/O. Sockets and the TUN device are adapters around it.
 *
 * <p>Flow (DESIGN.md, data flow 4):
 * <ul>
 *   <li>UDP 4500 in → {@link io.portcullis.ike.esp.UdpEncapsulation#classify} → ESP →
 *       {@link io.portcullis.ike.esp.EspDecoder#decode} (SPI lookup in {@link io.portcullis.ike.esp.SaDatabase},
 *       anti-replay, ICV, decrypt, trailer, inner header, selectors) → inner packet for the TUN device.</li>
 *   <li>TUN read → {@link io.portcullis.ike.esp.EspEncoder#encode} (outbound SA by selector, sequence number,
 *       padding, encrypt, ICV) → UDP 4500 out.</li>
 * </ul>
 * Every refusal is a {@link io.portcullis.ike.esp.DropReason}, counted per SA and per database; lifetime
 * thresholds come back as {@link io.portcullis.ike.esp.LifetimeEvent}s on results and from
 * {@link io.portcullis.ike.esp.SaDatabase#pollLifetimes()} for IKE to rekey or delete.
 */
package io.portcullis.ike.esp;
