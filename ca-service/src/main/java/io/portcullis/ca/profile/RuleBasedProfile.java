package io.portcullis.ca.profile;

import java.util.List;

/** A profile that is nothing but a name and an ordered list of rules. */
public final class RuleBasedProfile implements CertificateProfile {

    private final String name;
    private final List<ProfileRule> rules;

    public RuleBasedProfile(String name, List<ProfileRule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CertificateDraft apply(ProfileInput input) {
        DraftBuilder draft = new DraftBuilder(input.csr().publicKey());
        for (ProfileRule rule : rules) {
            rule.apply(input, draft);
        }
        return draft.build();
    }
}
