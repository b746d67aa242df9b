package dev.candor.risk.model;

/** Evidence a decision can ask the buyer for, each named exactly. */
public enum EvidenceDemand {
    PHOTO_WITH_CODE(Media.PHOTO, 1, "A photo of the item beside the one-time code %s, written on paper",
            "一张商品与一次性验证码 %s（写在纸上）同框的照片"),
    UNBOXING_VIDEO(Media.VIDEO, 1, "An unboxing video showing the parcel's label, its opening and the item",
            "一段开箱视频，需拍到包裹面单、拆封过程和商品"),
    SHIPPING_LABEL_PHOTO(Media.PHOTO, 1, "A photo of the shipping label on the parcel", "一张包裹上快递面单的照片"),
    MORE_ANGLES(Media.PHOTO, 2, "Two more photos of the item from other angles, showing the problem", "另外两张从不同角度拍摄、能看清问题的商品照片"),
    RETURNED_ITEM_SERIAL(Media.PHOTO, 1, "A photo of the serial number or tag of the item you return", "一张退回商品序列号或吊牌的照片");

    /** Which kind of evidence file satisfies the demand. */
    public enum Media { PHOTO, VIDEO }

    private final Media media;
    private final int files;
    private final String english;
    private final String chinese;

    EvidenceDemand(Media media, int files, String english, String chinese) {
        this.media = media;
        this.files = files;
        this.english = english;
        this.chinese = chinese;
    }

    public Media media() {
        return media;
    }

    /** How many files of its media the demand asks for. */
    public int files() {
        return files;
    }

    /** The request in English; {@code code} fills in the one-time code where the demand has one. */
    public String english(String code) {
        return english.formatted(code);
    }

    public String chinese(String code) {
        return chinese.formatted(code);
    }
}
