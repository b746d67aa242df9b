package dev.candor.risk.model;

/** What prompted a decision. */
public enum Stage {
    /** The buyer filed the request. */
    REQUEST,
    /** A party added an evidence file. */
    EVIDENCE,
    /** The asynchronous forensic checks of the evidence photos finished, failed or ran late. */
    FORENSICS,
    /** A merchant flagged an evidence photo and the checks confirmed it. */
    MERCHANT_FLAG
}
