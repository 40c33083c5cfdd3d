package io.portcullis.ike.esp;

/** A lifetime threshold crossed by this packet or poll; each is reported exactly once per SA. */
public enum LifetimeEvent {
    NONE,
    /** Soft limit reached: the SA still works, IKE should start a rekey (Quick Mode). */
    SOFT_LIMIT_REACHED,
    /** Hard limit reached: the SA is expired and drops every further packet. */
    HARD_LIMIT_REACHED
}
