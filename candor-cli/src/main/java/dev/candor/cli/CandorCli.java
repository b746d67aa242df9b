package dev.candor.cli;

public final class CandorCli {
    public static void main(String[] args) {
    }
}
