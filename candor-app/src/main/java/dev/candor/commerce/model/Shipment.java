package dev.candor.commerce.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A parcel of an order, to the buyer ({@code OUTBOUND}) or back to the store ({@code RETURN}). */
public record Shipment(String id, String orderId, Direction direction, String carrier, String trackingNumber)
        implements Pushed {

    public enum Direction { OUTBOUND, RETURN }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("orderId", orderId);
        state.put("direction", direction.name());
        state.put("carrier", carrier);
        state.put("trackingNumber", trackingNumber);
        return state;
    }
}
