package dev.orden.csat;

import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rating links of completion e-mails: {@code <portal-url>/rate/<token>}, signed with {@code orden.csat.secret}
 * (the dev default must be replaced in production: anyone who knows it can rate any order) and valid for
 * {@code orden.csat.link-validity} after the order is completed.
 */
@ApplicationScoped
public class CsatLinks {

    static final String DEV_SECRET = "orden-dev-csat-secret-change-me";

    @Inject
    @ConfigProperty(name = "orden.csat.secret", defaultValue = DEV_SECRET)
    String secret;

    @Inject
    @ConfigProperty(name = "orden.csat.link-validity", defaultValue = "P30D")
    Duration validity;

    Clock clock = Clock.systemUTC();

    /** A fresh token for rating {@code orderId} of {@code tenantId}. */
    public String token(UUID tenantId, UUID orderId) {
        return new CsatToken(tenantId, orderId, clock.instant().plus(validity)).sign(key());
    }

    /** The token's order, or 404 (not ours, tampered) or 410 (expired): a link that is not ours says nothing more. */
    CsatToken valid(String text) {
        return switch (CsatToken.read(text, key(), clock.instant())) {
            case CsatToken.Valid valid -> valid.token();
            case CsatToken.Expired expired -> throw new ProblemException(ProblemType.GONE,
                    "This rating link has expired");
            case CsatToken.Invalid invalid -> throw ProblemException.notFound("Rating link");
        };
    }

    private byte[] key() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
