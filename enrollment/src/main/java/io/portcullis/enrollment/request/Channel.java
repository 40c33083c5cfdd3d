package io.portcullis.enrollment.request;

/** Where an enrollment request came from. */
public enum Channel {
    REST, SCEP, RENEWAL
}
