package dev.candor.commerce.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.candor.commerce.model.Upserted;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The answer to a push: the resource as Candor now holds it, plus whether the push changed anything.
 * A first push answers 201 with a {@code Location}; a changed or repeated push answers 200.
 */
record PushAnswer<T>(@JsonUnwrapped T resource, boolean changed) {

    /** @param location the resource's path template, expanded with {@code ids} */
    static <M, V> ResponseEntity<PushAnswer<V>> of(Upserted<M> upserted, Function<M, V> view, String location,
                                                    Object... ids) {
        PushAnswer<V> answer = new PushAnswer<>(view.apply(upserted.value()), upserted.changed());
        return upserted.outcome() == Upserted.Outcome.CREATED
                ? ResponseEntity.created(UriComponentsBuilder.fromPath(location).buildAndExpand(ids).toUri()).body(answer)
                : ResponseEntity.status(HttpStatus.OK).body(answer);
    }
}
