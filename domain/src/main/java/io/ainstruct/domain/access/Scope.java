package io.ainstruct.domain.access;

import java.util.EnumSet;
import java.util.Set;

public enum Scope {
    READ, WRITE, ADMIN;

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }
}
