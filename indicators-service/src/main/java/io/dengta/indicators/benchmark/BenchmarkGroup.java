package io.dengta.indicators.benchmark;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A benchmark group (对标组): an owner region and its peers, each with a role; server-assigned id. */
@Entity
@Table(name = "benchmark_group")
public class BenchmarkGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_region")
    public String ownerRegion;

    public String name;

    public String description;

    /** In the order given; a page of groups loads the peers of all its groups in one query. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "benchmark_peer", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 1000)
    public List<Peer> peers = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Embeddable
    public static class Peer {

        @Column(name = "region_code")
        public String region;

        public String role;

        public String name;

        public Peer() {
        }

        public Peer(String region, String role, String name) {
            this.region = region;
            this.role = role;
            this.name = name;
        }
    }
}
