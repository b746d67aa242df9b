package dev.candor.commerce.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A listing of a store. Its photos are named in display order; their bytes arrive separately.
 *
 * @param priceCents the price in minor units of {@code currency}
 */
public record Listing(String id, String storeId, String title, String category, long priceCents, String currency,
                      List<PhotoRef> photos) implements Pushed {

    public Listing {
        photos = List.copyOf(photos);
    }

    /** A photo the listing shows; {@code url} is where the order system serves it, if it said. */
    public record PhotoRef(String photoId, String url) {
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("storeId", storeId);
        state.put("title", title);
        state.put("category", category);
        state.put("priceCents", priceCents);
        state.put("currency", currency);
        state.put("photos", photos.stream().map(p -> {
            Map<String, Object> photo = new LinkedHashMap<>();
            photo.put("photoId", p.photoId());
            photo.put("url", p.url());
            return photo;
        }).toList());
        return state;
    }

    public boolean shows(String photoId) {
        return photos.stream().anyMatch(p -> p.photoId().equals(photoId));
    }
}
