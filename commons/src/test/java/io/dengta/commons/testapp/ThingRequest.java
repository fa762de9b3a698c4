package io.dengta.commons.testapp;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A request body with flat, nested-list and container-element constraints. */
public class ThingRequest {

    public enum Stage {
        primary, junior, senior
    }

    public static class Item {
        @NotBlank
        public String name;

        @Min(0)
        public int count;
    }

    @NotBlank
    public String name;

    @NotNull
    @Positive
    public Integer capacitySeats;

    public Stage stage;

    public List<@Valid Item> items;

    public List<@NotBlank String> tags;
}
