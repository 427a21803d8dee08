package org.haca.proof.tee.internal;

import java.util.ArrayList;
import java.util.List;

import org.haca.api.proof.Verdict;

/** Collects named checks in order; the verdict is valid only when every check passed, its reason names the first failure. */
public final class CheckList {
    private final List<Verdict.Check> checks = new ArrayList<>();

    public boolean add(String name, boolean passed, String detail) {
        checks.add(new Verdict.Check(name, passed, detail == null ? "" : detail));
        return passed;
    }

    public boolean pass(String name, String detail) {
        return add(name, true, detail);
    }

    public boolean fail(String name, String detail) {
        return add(name, false, detail);
    }

    public boolean allPassed() {
        return checks.stream().allMatch(Verdict.Check::passed);
    }

    public Verdict verdict() {
        for (Verdict.Check c : checks) {
            if (!c.passed()) {
                return Verdict.invalid(c.name() + ": " + c.detail(), checks);
            }
        }
        if (checks.isEmpty()) {
            return Verdict.invalid("nothing was checked", checks);
        }
        return Verdict.valid(checks);
    }
}
