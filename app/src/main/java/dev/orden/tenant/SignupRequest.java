package dev.orden.tenant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A company signing up: its name and slug (the organization alias) and its first administrator. */
public record SignupRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String company,
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z][a-z0-9-]{1,38}[a-z0-9]",
                message = "must be 3-40 lower-case letters, digits or '-', starting with a letter")
        String slug,
        @NotBlank(message = "is required") @Email(message = "must be an e-mail address")
        @Size(max = 254, message = "must be at most 254 characters")
        String adminEmail,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String adminName,
        @NotBlank(message = "is required") @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
        String password) {}
