package dev.orden.workorder;

import dev.orden.identity.CurrentUser;

/** Who did something, as written into history. */
public record Actor(String id, String name) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName());
    }
}
