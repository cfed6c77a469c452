/** Dutch public holidays and counting in working days, for the deadlines of steps and cases. */
@org.springframework.modulith.NamedInterface("time")
package nl.doorbraak.platform.time;
