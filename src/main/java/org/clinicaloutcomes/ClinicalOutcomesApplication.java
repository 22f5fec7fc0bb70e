package org.clinicaloutcomes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClinicalOutcomesApplication {
    public static void main(String[] args) {
        System.out.println("clinical-outcomes");
    }
}
