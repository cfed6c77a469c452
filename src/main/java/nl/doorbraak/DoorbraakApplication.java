package nl.doorbraak;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DoorbraakApplication {

    public static void main(String[] args) {
        SpringApplication.run(DoorbraakApplication.class, args);
    }
}
