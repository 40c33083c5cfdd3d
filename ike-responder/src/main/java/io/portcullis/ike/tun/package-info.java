/**
 * The TUN device adapter of the ESP data plane (Linux {@code /dev/net/tun} through JNA) and the link
 * and route configuration around it. The only code of the gateway that calls native functions; the ESP
 * core in {@link io.portcullis.ike.esp} never sees it.
 */
package io.portcullis.ike.tun;
