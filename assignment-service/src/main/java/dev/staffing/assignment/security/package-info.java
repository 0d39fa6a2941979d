/**
 * Access control: who may read staffing and gaps, and who may also change things (acknowledge a gap, pin or
 * exclude a person). Two roles, {@link dev.staffing.assignment.security.StaffingRole#READER} and
 * {@link dev.staffing.assignment.security.StaffingRole#MANAGER}; the manager role implies the reader role.
 *
 * <p>Production: an OAuth2 resource server that takes JWTs from the organisation's identity provider and maps
 * a roles claim to the two roles. Zero configuration: two local users whose passwords are generated and
 * printed once at start, or configured. Never an open API: only {@code /actuator/health} is public.
 */
package dev.staffing.assignment.security;
