package io.dengta.commons.testapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/** Region- and school-scoped reads and writes, the way services apply {@link CallerScope}. */
@Path("/test/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN, Roles.BUREAU_ANALYST, Roles.SCHOOL_CLERK, Roles.DATA_FEED,
        Roles.VIEWER })
public class RegionsResource {

    static final List<String> KNOWN_REGIONS = List.of("320000", "320100", "320113", "320115", "320200", "320211",
            "110000", "110101");
    /** School code to its region. */
    static final Map<String, String> SCHOOLS = Map.of("3201130001", "320113", "3201130002", "320113", "3202110001",
            "320211");

    @Inject
    CallerScope caller;

    @GET
    public List<String> list() {
        if (caller.unrestricted()) {
            return KNOWN_REGIONS;
        }
        List<String> prefixes = caller.regionPrefixes();
        return KNOWN_REGIONS.stream().filter(code -> prefixes.stream().anyMatch(code::startsWith)).toList();
    }

    @GET
    @Path("/{code}")
    public Map<String, String> get(@PathParam("code") String code) {
        caller.requireVisible(KNOWN_REGIONS.contains(code) && caller.coversRegion(code), "Region " + code);
        return Map.of("code", code);
    }

    @PUT
    @Path("/{code}")
    public Map<String, String> put(@PathParam("code") String code) {
        caller.requireWritable(caller.coversRegion(code), "Region " + code);
        return Map.of("code", code, "written", "true");
    }

    @GET
    @Path("/schools/{schoolCode}")
    public Map<String, String> school(@PathParam("schoolCode") String schoolCode) {
        String region = SCHOOLS.get(schoolCode);
        caller.requireVisible(region != null && caller.coversSchool(schoolCode, region), "School " + schoolCode);
        return Map.of("code", schoolCode, "region", region);
    }

    @GET
    @Path("/me")
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("subject", caller.subject());
        me.put("clientId", caller.clientId());
        me.put("regions", new TreeSet<>(caller.regions()));
        me.put("schools", new TreeSet<>(caller.schools()));
        me.put("platformAdmin", caller.isPlatformAdmin());
        me.put("bureauAnalyst", caller.hasRole(Roles.BUREAU_ANALYST));
        return me;
    }
}
