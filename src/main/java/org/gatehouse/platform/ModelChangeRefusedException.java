package org.gatehouse.platform;

import java.util.List;

/** A bundle or a migration refused whole, with every reason (answered 422, one error per reason). */
public class ModelChangeRefusedException extends RuntimeException {

    private final List<String> reasons;

    public ModelChangeRefusedException(String what, List<String> reasons) {
        super(what + " is refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
