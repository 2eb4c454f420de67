/ md5 and -33! (SHA-1) digest a string into bytes
md5 "abc"
/=> 0x900150983cd24fb0d6963f7d28e17f72
-33!"abc"
/=> 0xa9993e364706816aba3e25717850c26c9cd0d89d
