package io.portcullis.ca.profile;

/**
 * One small decision of a profile (validity, key usage, SANs...). Rules run in the order the
 * profile lists them and either add to the draft or refuse the request with a
 * {@code PortcullisException}; a rule that depends on another (SANs need the subject) says so.
 */
@FunctionalInterface
public interface ProfileRule {

    void apply(ProfileInput input, DraftBuilder draft);
}
