/ a local that was never assigned reads as the empty list
{if[x;v:1];v} 0b
/=> ()
