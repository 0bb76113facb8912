package org.openill.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** An action that fails as a bug or a lost database connection would; deployed with the tests only. */
@Named
@RequestScoped
public class FailingActionBacking {

    public void fail() {
        throw new IllegalStateException("Failing on purpose, for a test of what the person then sees");
    }
}
