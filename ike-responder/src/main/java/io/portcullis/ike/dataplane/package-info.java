/**
 * The running ESP data plane: the {@link io.portcullis.ike.esp} core between the NAT-T socket and a TUN
 * device, with one thread per direction (inbound on the UDP 4500 reader, outbound on the TUN reader) so
 * that both cores work, the SA lifecycle driven by IKE events, and routes to each tunnel's remote subnets.
 */
package io.portcullis.ike.dataplane;
