package io.edgesplit.generate;

import io.edgesplit.model.NodeKind;

/**
 * The node and link classes the scenario families are built from, with the public figure each number
 * comes from. docs/datasets.md gives the sources in full; every {@code EFFICIENCY} is an assumption, said
 * so there.
 *
 * <p>Effective speed = a stated fraction of a public peak: batch-1 inference of one image keeps neither
 * a GPU nor a vector CPU busy, so an instance's {@code speed} is well below the datasheet figure.
 */
final class Hardware {
    private Hardware() {}

    /** A kind of machine: its tier and its effective speed in FLOP/s (rounded to whole MFLOP/s for readable files). */
    record NodeClass(String id, NodeKind kind, double peakFlops, double efficiency) {
        double speed() { return Math.round(peakFlops * efficiency / 1e6) * 1e6; }
    }

    /** Fraction of fp32 peak a GPU reaches on batch-1 inference (assumption). */
    static final double GPU_EFFICIENCY = 0.25;
    /** Fraction of the AVX2 fp32 peak a desktop CPU reaches on batch-1 inference (assumption). */
    static final double CPU_EFFICIENCY = 0.15;

    /**
     * Raspberry Pi 4 Model B (4× Cortex-A72 at 1.5 GHz). Anchored on a measured figure rather than a peak:
     * High Performance Linpack gives about 8 GFLOP/s on it (Feiereisen 2022, 64-bit OS); we take half of
     * that for framework inference (assumption).
     */
    static final NodeClass RPI4 = new NodeClass("rpi4", NodeKind.DEVICE, 8.0e9, 0.5);
    /**
     * Raspberry Pi 3 Model B+ (4× Cortex-A53 at 1.4 GHz), the testbed's endpoint: Raspberry Pi Ltd's Pi 4
     * launch (2019) gives the Pi 4 about 3× its CPU performance, so a third of the Pi 4 figure.
     */
    static final NodeClass RPI3BPLUS = new NodeClass("rpi3b+", NodeKind.DEVICE, 8.0e9 / 3, 0.5);
    /** Raspberry Pi 5: Raspberry Pi Ltd's launch claim (2023) is 2–3× the CPU performance of a Pi 4; we take 2.5×. */
    static final NodeClass RPI5 = new NodeClass("rpi5", NodeKind.DEVICE, 2.5 * 8.0e9, 0.5);
    /** Jetson Nano: 128 Maxwell CUDA cores at 921.6 MHz; NVIDIA quotes 472 GFLOPS fp16, so 236 GFLOPS fp32. */
    static final NodeClass JETSON_NANO = new NodeClass("jetson-nano", NodeKind.EDGE, 236e9, GPU_EFFICIENCY);
    /** Jetson Xavier NX: 384 Volta CUDA cores at 1100 MHz (NVIDIA module data sheet): 2 × 384 × 1.1 GHz = 844.8 GFLOPS fp32. */
    static final NodeClass JETSON_XAVIER_NX = new NodeClass("jetson-xavier-nx", NodeKind.EDGE, 844.8e9, GPU_EFFICIENCY);
    /** An edge server with an NVIDIA T4: 8.1 TFLOPS fp32 (NVIDIA T4 data sheet). */
    static final NodeClass T4_SERVER = new NodeClass("t4-server", NodeKind.EDGE, 8.1e12, GPU_EFFICIENCY);
    /**
     * The edge server of the {@code campus-measured} family: a machine with an NVIDIA GeForce RTX 3060 Laptop
     * GPU, whose per-layer latencies are measured (docs/datasets.md, "Measured profiles"); the speed is used
     * only for models without measurements: 3840 CUDA cores × 2 × 1.425 GHz ≈ 10.9 TFLOPS fp32 (NVIDIA's
     * laptop GPU specifications, the middle of the 1.28–1.70 GHz boost range; assumption).
     */
    static final NodeClass RTX3060_LAPTOP = new NodeClass("rtx3060-laptop", NodeKind.EDGE, 3840 * 2 * 1.425e9, GPU_EFFICIENCY);
    /** A cloud GPU, NVIDIA A100: 19.5 TFLOPS fp32 (NVIDIA A100 data sheet). */
    static final NodeClass A100_CLOUD = new NodeClass("a100-cloud", NodeKind.CLOUD, 19.5e12, GPU_EFFICIENCY);
    /**
     * The testbed's LAN edge server, a desktop PC with an Intel Core i7-8700 (6 cores, 3.2 GHz base, Intel
     * ARK): with AVX2 two 8-wide fp32 FMAs per cycle, 6 × 3.2 GHz × 32 = 614.4 GFLOPS fp32 peak.
     */
    static final NodeClass DESKTOP_I7 = new NodeClass("desktop-i7", NodeKind.EDGE, 614.4e9, CPU_EFFICIENCY);

    /** A network link class: bandwidth in bytes/s and one-way latency in seconds. */
    record LinkClass(String id, double bandwidth, double latency) {}

    /**
     * Wi-Fi 5 (IEEE 802.11ac), one spatial stream at 80 MHz: 433.3 Mb/s PHY rate; about half of it
     * reaches an application (assumption), so 200 Mb/s = 25 MB/s at best; a device far from its access
     * point gets less (per-device factor in the campus families). Latency 1 ms one way, half of a typical
     * 2 ms ping to the access point (assumption).
     */
    static final LinkClass WIFI = new LinkClass("wifi5", 25e6, 0.001);
    /** Gigabit Ethernet (IEEE 802.3ab): 941 Mb/s TCP goodput with 1500-byte frames ≈ 117.6 MB/s; 0.1 ms. */
    static final LinkClass LAN = new LinkClass("gbe", 117.6e6, 0.0001);
    /** The campus uplink to a cloud region: a 100 Mb/s share (12.5 MB/s) and 20 ms one way (assumptions). */
    static final LinkClass WAN = new LinkClass("wan", 12.5e6, 0.020);
}
