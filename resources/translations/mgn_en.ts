<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<!-- English plural forms of the messages with %n: the source texts say "server(s)". Other messages
     need no translation. After changing such a message: lupdate app models ui -ts this file. -->
<context>
    <name>ActionController</name>
    <message numerus="yes">
        <source>%1 on %n source server(s)?</source>
        <translation>
            <numerusform>%1 on %n source server?</numerusform>
            <numerusform>%1 on %n source servers?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: done (%n call(s))</source>
        <translation>
            <numerusform>%1: done (%n call)</numerusform>
            <numerusform>%1: done (%n calls)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n call(s) failed</source>
        <translation>
            <numerusform>%1: %2 of %n call failed</numerusform>
            <numerusform>%1: %2 of %n calls failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AwsError</name>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n request(s) in flight</source>
        <translation>
            <numerusform>%n request in flight</numerusform>
            <numerusform>%n requests in flight</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshing: %n page(s), %1 servers</source>
        <translation>
            <numerusform>Refreshing: %n page, %1 servers</numerusform>
            <numerusform>Refreshing: %n pages, %1 servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) could not be read: %1</source>
        <translation>
            <numerusform>%n server could not be read: %1</numerusform>
            <numerusform>%n servers could not be read: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n server(s) to %1</source>
        <translation>
            <numerusform>Exported %n server to %1</numerusform>
            <numerusform>Exported %n servers to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mgn::ActionRules</name>
    <message numerus="yes">
        <source>None of the %n selected servers can be marked as ready for testing</source>
        <translation>
            <numerusform>The selected server cannot be marked as ready for testing</numerusform>
            <numerusform>None of the %n selected servers can be marked as ready for testing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can be marked as ready for cutover</source>
        <translation>
            <numerusform>The selected server cannot be marked as ready for cutover</numerusform>
            <numerusform>None of the %n selected servers can be marked as ready for cutover</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can launch a test instance</source>
        <translation>
            <numerusform>The selected server cannot launch a test instance</numerusform>
            <numerusform>None of the %n selected servers can launch a test instance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can launch a cutover instance</source>
        <translation>
            <numerusform>The selected server cannot launch a cutover instance</numerusform>
            <numerusform>None of the %n selected servers can launch a cutover instance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers has a cutover to finalize</source>
        <translation>
            <numerusform>The selected server has no cutover to finalize</numerusform>
            <numerusform>None of the %n selected servers has a cutover to finalize</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can have its launched instances terminated</source>
        <translation>
            <numerusform>The selected server cannot have its launched instances terminated</numerusform>
            <numerusform>None of the %n selected servers can have its launched instances terminated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can start data replication</source>
        <translation>
            <numerusform>The selected server cannot start data replication</numerusform>
            <numerusform>None of the %n selected servers can start data replication</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can stop data replication</source>
        <translation>
            <numerusform>The selected server cannot stop data replication</numerusform>
            <numerusform>None of the %n selected servers can stop data replication</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can pause data replication</source>
        <translation>
            <numerusform>The selected server cannot pause data replication</numerusform>
            <numerusform>None of the %n selected servers can pause data replication</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can resume data replication</source>
        <translation>
            <numerusform>The selected server cannot resume data replication</numerusform>
            <numerusform>None of the %n selected servers can resume data replication</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can retry data replication</source>
        <translation>
            <numerusform>The selected server cannot retry data replication</numerusform>
            <numerusform>None of the %n selected servers can retry data replication</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can change its replication type</source>
        <translation>
            <numerusform>The selected server cannot change its replication type</numerusform>
            <numerusform>None of the %n selected servers can change its replication type</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can be disconnected</source>
        <translation>
            <numerusform>The selected server cannot be disconnected</numerusform>
            <numerusform>None of the %n selected servers can be disconnected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can be archived</source>
        <translation>
            <numerusform>The selected server cannot be archived</numerusform>
            <numerusform>None of the %n selected servers can be archived</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected servers can be deleted</source>
        <translation>
            <numerusform>The selected server cannot be deleted</numerusform>
            <numerusform>None of the %n selected servers can be deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting a vCenter client does not act on the %n selected servers</source>
        <translation>
            <numerusform>Deleting a vCenter client does not act on the selected server</numerusform>
            <numerusform>Deleting a vCenter client does not act on the %n selected servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mgn::StateCounts</name>
    <message numerus="yes">
        <source>%n source server(s)</source>
        <translation>
            <numerusform>%n source server</numerusform>
            <numerusform>%n source servers</numerusform>
        </translation>
    </message>
</context>
</TS>
