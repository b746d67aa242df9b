package dev.candor.photoreuse.application;

import dev.candor.photoreuse.infrastructure.ReuseIndex;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls for hashes other nodes stored, so that every node's index finds every committed photo. */
@Component
class RefreshIndex {

    private final ReuseIndex index;

    RefreshIndex(ReuseIndex index) {
        this.index = index;
    }

    @Scheduled(fixedDelayString = "${candor.photoreuse.poll-interval:1s}", initialDelayString = "${candor.photoreuse.poll-interval:1s}")
    void onSchedule() {
        index.refresh();
    }
}
