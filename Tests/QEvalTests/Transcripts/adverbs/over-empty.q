/ reducing an empty list gives the primitive's identity, typed; a lambda gives ()
+/[0#0f]
/=> 0f
*/[0#0]
/=> 1
{x+y}/[0#0]
/=> ()
