package dev.orden.workorder;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies with a fixed shape; free-form ones (create, patch) are read by {@link WorkOrderInput}. */
public final class WorkOrderRequests {

    private WorkOrderRequests() {}

    public record TransitionRequest(
            @NotNull(message = "is required")
            @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]{0,63}", message = "must be a state key of the order's workflow")
            String to,
            @Size(max = 10_000, message = "must be at most 10000 characters") String comment,
            JsonObject customFields,
            Integer version) {}

    public record AssignmentRequest(
            @Size(max = 64, message = "must be at most 64 characters") String assignee,
            @Size(max = 100, message = "must be at most 100 characters") String team,
            @Size(max = 2_000, message = "must be at most 2000 characters") String reason,
            Integer version) {}

    public record TransferRequest(
            @Size(max = 100, message = "must be at most 100 characters") String team,
            @Size(max = 100, message = "must be at most 100 characters") String area,
            @Size(max = 2_000, message = "must be at most 2000 characters") String reason,
            Integer version) {}

    public record CommentRequest(
            @NotBlank(message = "must not be blank")
            @Size(max = 20_000, message = "must be at most 20000 characters") String body,
            @Pattern(regexp = "PUBLIC|INTERNAL", message = "must be PUBLIC or INTERNAL") String visibility) {}
}
