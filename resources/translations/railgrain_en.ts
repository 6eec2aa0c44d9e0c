<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkStatusDialog</name>
    <message numerus="yes">
        <source>Change the status of %n shipment(s)</source>
        <translation>
            <numerusform>Change the status of %n shipment</numerusform>
            <numerusform>Change the status of %n shipments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message numerus="yes">
        <source>%Ln shipment(s)</source>
        <translation>
            <numerusform>%Ln shipment</numerusform>
            <numerusform>%Ln shipments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s) in %1 days</source>
        <translation>
            <numerusform>%Ln shipment in %1 days</numerusform>
            <numerusform>%Ln shipments in %1 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%Ln shipment(s)</source>
        <translation>
            <numerusform>%Ln shipment</numerusform>
            <numerusform>%Ln shipments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EtaDialog</name>
    <message numerus="yes">
        <source>New ETA of %n shipment(s)</source>
        <translation>
            <numerusform>New ETA of %n shipment</numerusform>
            <numerusform>New ETA of %n shipments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message numerus="yes">
        <source>Not deleted: it is used by %n contract(s).</source>
        <translation>
            <numerusform>Not deleted: it is used by %n contract.</numerusform>
            <numerusform>Not deleted: it is used by %n contracts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not deleted: it is used by %n shipment(s).</source>
        <translation>
            <numerusform>Not deleted: it is used by %n shipment.</numerusform>
            <numerusform>Not deleted: it is used by %n shipments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentActions</name>
    <message numerus="yes">
        <source>Delete %n shipment(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Delete %n shipment? Undo (Ctrl+Z) brings it back.</numerusform>
            <numerusform>Delete %n shipments? Undo (Ctrl+Z) brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentEdits</name>
    <message numerus="yes">
        <source>%1 of %n shipment(s)</source>
        <translation>
            <numerusform>%1 of %n shipment</numerusform>
            <numerusform>%1 of %n shipments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentsPage</name>
    <message numerus="yes">
        <source>%Ln shipment(s), %1 t</source>
        <translation>
            <numerusform>%Ln shipment, %1 t</numerusform>
            <numerusform>%Ln shipments, %1 t</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln shipment(s), %2 t</source>
        <translation>
            <numerusform>%1 of %Ln shipment, %2 t</numerusform>
            <numerusform>%1 of %Ln shipments, %2 t</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentsTableModel</name>
    <message numerus="yes">
        <source>Late: %n day(s) past the ETA</source>
        <translation>
            <numerusform>Late: %n day past the ETA</numerusform>
            <numerusform>Late: %n days past the ETA</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message numerus="yes">
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n shipment</numerusform>
            <numerusform>%n shipments</numerusform>
        </translation>
    </message>
</context>
</TS>
