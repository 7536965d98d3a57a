package dev.orden.attachment;

import dev.orden.schedule.Job;
import dev.orden.schedule.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Removes a staged upload that no order took by its expiry (a one-off job per upload, due when it expires). */
@ApplicationScoped
class StagedUploadExpiry implements JobHandler {

    @Inject
    StagedUploads uploads;

    @Override
    public String kind() {
        return StagedUploads.JOB_KIND;
    }

    @Override
    public void run(Job job) {
        uploads.expire(UUID.fromString(job.payload().getString("upload")));
    }
}
