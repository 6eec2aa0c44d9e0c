<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Railgrain — cannot open the database</source>
        <extracomment>Shipments in the demo database the GUI creates on first use of ``--demo``.</extracomment>
        <translation>Railgrain — 无法打开数据库</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Backup…</source>
        <extracomment>How long a status-bar note about a backup stays (ms).</extracomment>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>A PostgreSQL database is restored by its administrator (pg_restore).</source>
        <translation>PostgreSQL 数据库由其管理员恢复（pg_restore）。</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <extracomment>The last message shown about a backup or restore (for the status bar and tests).</extracomment>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Railgrain backups (*.sqlite *.dump);;All files (*)</source>
        <translation>Railgrain 备份 (*.sqlite *.dump);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2).</source>
        <translation>已备份到 %1（%2）。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Railgrain backups (*.sqlite);;All files (*)</source>
        <translation>Railgrain 备份 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Replace the open database with this backup?

%1
%2 shipments, schema %3.

The current database is kept next to it as a backup of its own.</source>
        <translation>用此备份替换当前打开的数据库？

%1
%2 票运单，数据库结构版本 %3。

当前数据库将作为单独的备份保存在其旁边。</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>已取消恢复；未做任何更改。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Restored %1 shipments from the backup.</source>
        <translation>已从备份恢复 %1 票运单。</translation>
    </message>
    <message>
        <source>The replaced database was kept as %1.</source>
        <translation>被替换的数据库已保存为 %1。</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup was written to %1.</source>
        <translation>今天的自动备份已写入 %1。</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>BulkStatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>code or any name (optional)</source>
        <translation>代码或任一名称（可选）</translation>
    </message>
    <message numerus="yes">
        <source>Change the status of %n shipment(s)</source>
        <translation>
            <numerusform>更改 %n 票运单的状态</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>S&amp;tation:</source>
        <translation>车站(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>No station has that code or name.</source>
        <translation>没有车站使用该代码或名称。</translation>
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <source>No shipments arrived in this period.</source>
        <translation>本期没有到达的运单。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>%1: %2 t</source>
        <extracomment>The contract chart shows at most this many contracts (the largest). Grey of the tolerance band and other reference shapes. (position, colour, label) lines across the chart, e.g. medians. A note under the chart (e.g. &quot;15 largest of 40 contracts&quot;); &quot;&quot; for none.</extracomment>
        <translation>%1：%2 吨</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s)</source>
        <translation>
            <numerusform>%Ln 票</numerusform>
        </translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>去年同月</translation>
    </message>
    <message>
        <source>Tolerance band</source>
        <translation>允差范围</translation>
    </message>
    <message>
        <source>Contracted</source>
        <translation>合同量</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发运</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <source>within tolerance</source>
        <translation>在允差范围内</translation>
    </message>
    <message>
        <source>outside tolerance</source>
        <translation>超出允差范围</translation>
    </message>
    <message>
        <source>Tolerance ±%1 %: %2 – %3 t</source>
        <translation>允差 ±%1 %：%2 – %3 吨</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>The %1 largest of %2 contracts in the period.</source>
        <translation>本期 %2 份合同中最大的 %1 份。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s) in %1 days</source>
        <translation>
            <numerusform>%Ln 票，用时 %1 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Median %1 days, 80 % within %2 days</source>
        <translation>中位数 %1 天，80% 在 %2 天以内</translation>
    </message>
    <message>
        <source>median %1 d</source>
        <translation>中位数 %1 天</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>%1: median %2 days, 80 % within %3 days, %4 shipments</source>
        <translation>%1：中位数 %2 天，80% 在 %3 天以内，共 %4 票</translation>
    </message>
    <message>
        <source>%1, %2 days or more in transit</source>
        <translation>%1，在途 %2 天及以上</translation>
    </message>
    <message>
        <source>%1, %2 days in transit</source>
        <translation>%1，在途 %2 天</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>&amp;Save chart…</source>
        <extracomment>A bar was clicked: its Filter and a short label. A chart finished drawing (its tab&apos;s object name).</extracomment>
        <translation>保存图表(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the chart on screen as PNG or SVG</source>
        <translation>将屏幕上的图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>tonnes</source>
        <translation>吨</translation>
    </message>
    <message>
        <source>Arrived by month</source>
        <translation>按月到达量</translation>
    </message>
    <message>
        <source>By route</source>
        <translation>按线路</translation>
    </message>
    <message>
        <source>By supplier</source>
        <translation>按供应商</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Transit time</source>
        <translation>在途时间</translation>
    </message>
    <message>
        <source>shipments</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>days from departure to arrival</source>
        <translation>从发车到到达的天数</translation>
    </message>
    <message>
        <source>Arrived from</source>
        <translation>到达日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cannot read the figures: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>另一位用户</translation>
    </message>
    <message>
        <source>Waybill %1 was changed by %2 at %3, after you opened it.</source>
        <translation>运单 %1 在您打开后已由 %2 于 %3 修改。</translation>
    </message>
    <message>
        <source>Waybill %1 was changed by %2 while saving.</source>
        <translation>保存时运单 %1 已被 %2 修改。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>Their value (saved)</source>
        <translation>对方的值（已保存）</translation>
    </message>
    <message>
        <source>Their save has the same values as your form.</source>
        <translation>对方保存的值与您的表单相同。</translation>
    </message>
    <message>
        <source>Reload shows their version and discards your edits. Overwrite saves your values over theirs.</source>
        <translation>“重新加载”显示对方的版本并放弃您的修改；“覆盖”用您的值替换对方的值。</translation>
    </message>
    <message>
        <source>&amp;Reload theirs, discard mine</source>
        <translation>重新加载对方版本，放弃我的修改(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>用我的值覆盖(&amp;O)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Today</source>
        <extracomment>Late and stuck lists show at most this many rows (the tiles count them all). A border stop longer than this many days is &quot;stuck&quot; (DOMAIN.md: worth flagging). Days ahead for &quot;expected arrivals&quot;. Milliseconds to wait after a change before refreshing (bulk edits send several). Status → Okabe–Ito colour index for the tiles&apos; accent bars. Read in the first pass: status tiles, ageing tiles, late list, arrivals. Read in the second pass: stuck at the border, predictions, their accuracy. A figure was clicked: its Filter and a short label naming it. The user asked for a train&apos;s view (train number). The user asked for a shipment&apos;s history (shipment id). A refresh finished and the figures on screen are new. The first pass of a refresh is on screen (tiles, late list, arrivals).</extracomment>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>Late shipments (ETA passed, not arrived)</source>
        <translation>晚点运单（已过预计到达日期但未到达）</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>车次</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>晚点天数</translation>
    </message>
    <message>
        <source>Last station</source>
        <translation>最近车站</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测到达</translation>
    </message>
    <message>
        <source>Stuck at a border station more than %1 days</source>
        <translation>在口岸站滞留超过 %1 天</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>车站</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>滞留起始</translation>
    </message>
    <message>
        <source>Expected arrivals in the next %1 days</source>
        <translation>未来 %1 天预计到达</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>到站</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
    <message>
        <source>Predicted arrival vs supplier ETA (⚠ predicted late)</source>
        <translation>预测到达与供应商预计到达对比（⚠ 预测晚点）</translation>
    </message>
    <message>
        <source>Supplier ETA</source>
        <translation>供应商预计到达</translation>
    </message>
    <message>
        <source>80 % by</source>
        <translation>80% 把握在此前</translation>
    </message>
    <message>
        <source>Days over</source>
        <translation>超出天数</translation>
    </message>
    <message>
        <source>How good past predictions were</source>
        <translation>以往预测的准确度</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Median error (days)</source>
        <translation>误差中位数（天）</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Shipments and tonnes by status</source>
        <translation>各状态的运单数和吨数</translation>
    </message>
    <message>
        <source>Late shipments by days late</source>
        <translation>按晚点天数统计的晚点运单</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Cannot read the figures: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <source>%1–%2 days late</source>
        <translation>晚点 %1–%2 天</translation>
    </message>
    <message>
        <source>over %1 days late</source>
        <translation>晚点超过 %1 天</translation>
    </message>
    <message>
        <source>All late</source>
        <translation>全部晚点</translation>
    </message>
    <message>
        <source>At a border &gt; %1 days</source>
        <translation>在口岸超过 %1 天</translation>
    </message>
    <message>
        <source>longest: %1 days</source>
        <translation>最长：%1 天</translation>
    </message>
    <message>
        <source>arriving at %1</source>
        <translation>到达 %1</translation>
    </message>
    <message>
        <source>Predicted arrival vs supplier ETA: made for today only</source>
        <translation>预测到达与供应商预计到达对比：仅对今天作出</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s)</source>
        <translation>
            <numerusform>%Ln 票</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in the &amp;workspace</source>
        <translation>在工作区中显示(&amp;W)</translation>
    </message>
    <message>
        <source>Show the &amp;train</source>
        <translation>显示整列车(&amp;T)</translation>
    </message>
    <message>
        <source>Shipment &amp;history</source>
        <translation>运单历史(&amp;H)</translation>
    </message>
</context>
<context>
    <name>DrillDown</name>
    <message>
        <source>From %1: %2</source>
        <translation>来自%1：%2</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>概览</translation>
    </message>
</context>
<context>
    <name>DrillDownChip</name>
    <message>
        <source>✕ Show all</source>
        <translation>✕ 显示全部</translation>
    </message>
    <message>
        <source>Remove this filter and use the filter bar again</source>
        <translation>移除此筛选，重新使用筛选栏</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <source>check digit should be {expected}, not {got} (or another digit is mistyped)</source>
        <extracomment>Message code → translatable template (English source; ``{name}`` placeholders).</extracomment>
        <translation>校验位应为 {expected}，而不是 {got}（也可能是其他某位数字输错了）</translation>
    </message>
    <message>
        <source>check digit should be {expected}, not {got} (or another character is mistyped)</source>
        <translation>校验位应为 {expected}，而不是 {got}（也可能是其他某个字符输错了）</translation>
    </message>
    <message>
        <source>station code is required</source>
        <translation>必须填写车站代码</translation>
    </message>
    <message>
        <source>a 1520 station code has digits 0-9 only; {shown} is not allowed</source>
        <translation>1520 轨距车站代码只能包含数字 0-9；不允许 {shown}</translation>
    </message>
    <message>
        <source>a 1520 station code has 6 digits (5 and a check digit), got 5; with its check digit {value} is {suggestion}</source>
        <translation>1520 轨距车站代码为 6 位数字（5 位加 1 位校验位），此处只有 5 位；加上校验位，{value} 应为 {suggestion}</translation>
    </message>
    <message>
        <source>a 1520 station code has 6 digits, got {got}</source>
        <translation>1520 轨距车站代码为 6 位数字，此处为 {got} 位</translation>
    </message>
    <message>
        <source>station code may contain only Latin letters A-Z and digits 0-9; {shown} is not allowed</source>
        <translation>车站代码只能包含拉丁字母 A-Z 和数字 0-9；不允许 {shown}</translation>
    </message>
    <message>
        <source>station code is at most {max} characters, got {got}</source>
        <translation>车站代码最多 {max} 个字符，此处为 {got} 个</translation>
    </message>
    <message>
        <source>wagon number is required</source>
        <translation>必须填写车皮号</translation>
    </message>
    <message>
        <source>a wagon number has digits 0-9 only; {shown} is not allowed</source>
        <translation>车皮号只能包含数字 0-9；不允许 {shown}</translation>
    </message>
    <message>
        <source>a wagon number has 8 digits, got {got}</source>
        <translation>车皮号为 8 位数字，此处为 {got} 位</translation>
    </message>
    <message>
        <source>container number is required</source>
        <translation>必须填写集装箱号</translation>
    </message>
    <message>
        <source>a container number has 11 characters (4 letters and 7 digits), got {got}</source>
        <translation>集装箱号为 11 个字符（4 个字母和 7 位数字），此处为 {got} 个</translation>
    </message>
    <message>
        <source>the owner code (first 3 characters) must be Latin letters A-Z; {shown} is not allowed</source>
        <translation>箱主代码（前 3 个字符）必须是拉丁字母 A-Z；不允许 {shown}</translation>
    </message>
    <message>
        <source>the category letter (4th character) must be U, J or Z, not {shown}</source>
        <translation>设备类别字母（第 4 个字符）必须是 U、J 或 Z，而不是 {shown}</translation>
    </message>
    <message>
        <source>the serial number (characters 5 to 10) must be digits 0-9; {shown} is not allowed</source>
        <translation>箱号序列号（第 5 至 10 个字符）必须是数字 0-9；不允许 {shown}</translation>
    </message>
    <message>
        <source>the check digit (11th character) must be a digit 0-9, not {shown}</source>
        <translation>校验位（第 11 个字符）必须是数字 0-9，而不是 {shown}</translation>
    </message>
    <message>
        <source>a unit is a wagon or a container, not &apos;{kind}&apos;</source>
        <translation>单元只能是车皮或集装箱，而不是“{kind}”</translation>
    </message>
    <message>
        <source>waybill number is required</source>
        <translation>必须填写运单号</translation>
    </message>
    <message>
        <source>a waybill number must not contain spaces</source>
        <translation>运单号不能包含空格</translation>
    </message>
    <message>
        <source>a waybill number may contain only Latin letters, digits 0-9, &apos;-&apos; and &apos;/&apos;; {shown} is not allowed</source>
        <translation>运单号只能包含拉丁字母、数字 0-9、“-”和“/”；不允许 {shown}</translation>
    </message>
    <message>
        <source>a waybill number is at most {max} characters, got {got}</source>
        <translation>运单号最多 {max} 个字符，此处为 {got} 个</translation>
    </message>
    <message>
        <source>train number is required</source>
        <translation>必须填写车次</translation>
    </message>
    <message>
        <source>a train number may contain letters, digits, punctuation and spaces on one line; {shown} is not allowed</source>
        <translation>车次只能在一行内包含字母、数字、标点和空格；不允许 {shown}</translation>
    </message>
    <message>
        <source>a train number is at most {max} characters, got {got}</source>
        <translation>车次最多 {max} 个字符，此处为 {got} 个</translation>
    </message>
    <message>
        <source>the shipment is already &apos;{status}&apos;</source>
        <translation>该运单已处于“{status}”状态</translation>
    </message>
    <message>
        <source>a cancelled shipment cannot change status</source>
        <translation>已取消的运单不能再更改状态</translation>
    </message>
    <message>
        <source>a shipment that is &apos;{status}&apos; can no longer be cancelled</source>
        <translation>处于“{status}”状态的运单已不能取消</translation>
    </message>
    <message>
        <source>going back from &apos;{old}&apos; to &apos;{new}&apos; needs a note saying why</source>
        <translation>从“{old}”退回到“{new}”需要填写备注说明原因</translation>
    </message>
    <message>
        <source>cannot go back from &apos;{old}&apos; to &apos;{new}&apos;: only one step back is allowed</source>
        <translation>不能从“{old}”退回到“{new}”：只允许退回一步</translation>
    </message>
    <message>
        <source>net weight must be more than 0 t</source>
        <translation>净重必须大于 0 吨</translation>
    </message>
    <message>
        <source>arrived weight must be more than 0 t, or empty</source>
        <translation>到达重量必须大于 0 吨，或留空</translation>
    </message>
    <message>
        <source>arrived weight must be more than 0 t</source>
        <translation>到达重量必须大于 0 吨</translation>
    </message>
    <message>
        <source>arrival {arrival} is before departure {departure}</source>
        <translation>到达日期 {arrival} 早于发车日期 {departure}</translation>
    </message>
    <message>
        <source>wagon and container counts cannot be negative</source>
        <translation>车皮数和集装箱数不能为负数</translation>
    </message>
    <message>
        <source>no {what} with id {id}</source>
        <translation>没有编号为 {id} 的{what}</translation>
    </message>
    <message>
        <source>waybill {waybill} already exists</source>
        <translation>运单 {waybill} 已存在</translation>
    </message>
    <message>
        <source>{number} is listed twice</source>
        <translation>{number} 重复列出</translation>
    </message>
    <message>
        <source>a unit&apos;s weight must be more than 0</source>
        <translation>单元重量必须大于 0</translation>
    </message>
    <message>
        <source>waybill {waybill}: {detail}</source>
        <translation>运单 {waybill}：{detail}</translation>
    </message>
    <message>
        <source>say why the ETA changes</source>
        <translation>请说明预计到达日期变更的原因</translation>
    </message>
    <message>
        <source>waybill {waybill}: ETA {eta} is before departure {departure}</source>
        <translation>运单 {waybill}：预计到达日期 {eta} 早于发车日期 {departure}</translation>
    </message>
    <message>
        <source>arrived weight differs from shipped by {difference} %, more than the {tolerance} % tolerance: record the reason</source>
        <translation>到达重量与发运重量相差 {difference}%，超过 {tolerance}% 的允许误差：请记录原因</translation>
    </message>
    <message>
        <source>a counterparty needs a name</source>
        <translation>往来单位必须有名称</translation>
    </message>
    <message>
        <source>role must be one of {allowed}, not &apos;{role}&apos;</source>
        <translation>角色必须是 {allowed} 之一，而不是“{role}”</translation>
    </message>
    <message>
        <source>role must be one of {allowed}</source>
        <translation>角色必须是 {allowed} 之一</translation>
    </message>
    <message>
        <source>a counterparty called &apos;{name}&apos; exists</source>
        <translation>名为“{name}”的往来单位已存在</translation>
    </message>
    <message>
        <source>a station called &apos;{name}&apos; exists</source>
        <translation>名为“{name}”的车站已存在</translation>
    </message>
    <message>
        <source>a commodity called &apos;{name}&apos; exists</source>
        <translation>名为“{name}”的货物已存在</translation>
    </message>
    <message>
        <source>another station has the code {code}</source>
        <translation>另一个车站已使用代码 {code}</translation>
    </message>
    <message>
        <source>contract {number} exists</source>
        <translation>合同 {number} 已存在</translation>
    </message>
    <message>
        <source>a station&apos;s name is required</source>
        <translation>必须填写车站名称</translation>
    </message>
    <message>
        <source>the code system is required</source>
        <translation>必须填写代码体系</translation>
    </message>
    <message>
        <source>the HS code is required</source>
        <translation>必须填写 HS 编码</translation>
    </message>
    <message>
        <source>a commodity&apos;s name is required</source>
        <translation>必须填写货物名称</translation>
    </message>
    <message>
        <source>a counterparty&apos;s name is required</source>
        <translation>必须填写往来单位名称</translation>
    </message>
    <message>
        <source>the contract number is required</source>
        <translation>必须填写合同号</translation>
    </message>
    <message>
        <source>country is two Latin letters (ISO 3166), not &apos;{country}&apos;</source>
        <translation>国家代码为两个拉丁字母（ISO 3166），而不是“{country}”</translation>
    </message>
    <message>
        <source>a UN/LOCODE has 5 Latin letters or digits</source>
        <translation>UN/LOCODE 由 5 个拉丁字母或数字组成</translation>
    </message>
    <message>
        <source>an HS code has 4, 6, 8 or 10 digits</source>
        <translation>HS 编码为 4、6、8 或 10 位数字</translation>
    </message>
    <message>
        <source>choose a supplier</source>
        <translation>请选择供应商</translation>
    </message>
    <message>
        <source>choose a commodity</source>
        <translation>请选择货物</translation>
    </message>
    <message>
        <source>the quantity must be more than 0 t</source>
        <translation>数量必须大于 0 吨</translation>
    </message>
    <message>
        <source>the contract&apos;s period needs both dates</source>
        <translation>合同期限需要起止两个日期</translation>
    </message>
    <message>
        <source>the period ends before it starts</source>
        <translation>期限的结束日期早于开始日期</translation>
    </message>
    <message>
        <source>the price cannot be negative</source>
        <translation>价格不能为负数</translation>
    </message>
    <message>
        <source>a currency is three letters (ISO 4217)</source>
        <translation>币种为三个字母（ISO 4217）</translation>
    </message>
    <message>
        <source>the tolerance is 0 to 100 %</source>
        <translation>允许误差为 0 至 100%</translation>
    </message>
    <message>
        <source>the {what} is used by {count} shipments</source>
        <translation>该{what}已被 {count} 票运单使用</translation>
    </message>
    <message>
        <source>the {what} is used by {count} contracts</source>
        <translation>该{what}已被 {count} 份合同使用</translation>
    </message>
    <message>
        <source>this day does not exist; expected a date such as 2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日</source>
        <translation>该日期不存在；应为 2025-01-05、05.01.2025、2025/1/5 或 2025年1月5日 这样的日期</translation>
    </message>
    <message>
        <source>not a date; expected a date such as 2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日</source>
        <translation>不是日期；应为 2025-01-05、05.01.2025、2025/1/5 或 2025年1月5日 这样的日期</translation>
    </message>
    <message>
        <source>not a status; allowed: {allowed} (or their Chinese or Russian names)</source>
        <translation>不是有效状态；允许的状态：{allowed}（也可用其中文或俄文名称）</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>the net weight must be more than 0 t</source>
        <translation>净重必须大于 0 吨</translation>
    </message>
    <message>
        <source>over {max} t is not one consignment; check the unit (t)</source>
        <translation>超过 {max} 吨不可能是一票货物；请检查单位（吨）</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 10,000</source>
        <translation>应为 0 至 10,000 之间的整数</translation>
    </message>
    <message>
        <source>more than one {what} has this name; use its code</source>
        <translation>有多个{what}使用此名称；请使用代码</translation>
    </message>
    <message>
        <source>unknown {what}; did you mean {suggestions}?</source>
        <translation>未知的{what}；您是否指 {suggestions}？</translation>
    </message>
    <message>
        <source>unknown {what}; use a code or a name from the reference data</source>
        <translation>未知的{what}；请使用基础数据中的代码或名称</translation>
    </message>
    <message>
        <source>a counterparty name is at most {max} characters</source>
        <translation>往来单位名称最多 {max} 个字符</translation>
    </message>
    <message>
        <source>this column is required; the cell is empty</source>
        <translation>此列为必填项；单元格为空</translation>
    </message>
    <message>
        <source>this waybill is already on row {first}; a waybill is one shipment</source>
        <translation>该运单已在第 {first} 行出现；一个运单对应一票货物</translation>
    </message>
    <message>
        <source>{errors}</source>
        <translation>{errors}</translation>
    </message>
    <message>
        <source>{kind} {number}: {detail}</source>
        <translation>{kind} {number}：{detail}</translation>
    </message>
    <message>
        <source>{kind} {number} is listed twice</source>
        <translation>{kind} {number} 重复列出</translation>
    </message>
    <message>
        <source>the column&apos;s decimal mark cannot be told: write 1313 or 1313.0 or 1,313.0 (thousands) or 1,3 (decimal comma) so the whole column is clear</source>
        <translation>无法判断该列的小数点：请写成 1313、1313.0、1,313.0（千位分隔）或 1,3（小数逗号），使整列含义明确</translation>
    </message>
    <message>
        <source>the column&apos;s dates could be day/month or month/day and none tells: write 2025-01-05 or 05.01.2025</source>
        <translation>该列日期既可能是日/月也可能是月/日，无法判断：请写成 2025-01-05 或 05.01.2025</translation>
    </message>
    <message>
        <source>a shipment that is &apos;{status}&apos; has departed: the departure date is required</source>
        <translation>处于“{status}”状态的运单已发车：必须填写发车日期</translation>
    </message>
    <message>
        <source>the arrival is before the departure ({departure})</source>
        <translation>到达日期早于发车日期（{departure}）</translation>
    </message>
    <message>
        <source>the ETA is before the departure ({departure})</source>
        <translation>预计到达日期早于发车日期（{departure}）</translation>
    </message>
    <message>
        <source>required columns are missing: {columns}</source>
        <translation>缺少必需的列：{columns}</translation>
    </message>
    <message>
        <source>two columns feed this field; keep one</source>
        <translation>有两列对应此字段；请只保留一列</translation>
    </message>
    <message>
        <source>the file has a header row but no shipments</source>
        <translation>文件有标题行，但没有运单</translation>
    </message>
    <message>
        <source>this waybill already exists (--insert-only refuses updates)</source>
        <translation>该运单已存在（--insert-only 不允许更新）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>this is not a CSV, XLSX, XLS or ODS file (it looks like binary data)</source>
        <translation>这不是 CSV、XLSX、XLS 或 ODS 文件（看起来是二进制数据）</translation>
    </message>
    <message>
        <source>the file is in no encoding Railgrain reads (UTF-8/16, GB18030, Windows-1251, KZ-1048)</source>
        <translation>文件编码不是 Railgrain 能读取的编码（UTF-8/16、GB18030、Windows-1251、KZ-1048）</translation>
    </message>
    <message>
        <source>this is not a readable XLSX, XLS or ODS workbook: {reason}</source>
        <translation>无法读取的 XLSX、XLS 或 ODS 工作簿：{reason}</translation>
    </message>
    <message>
        <source>the file cannot be read as {encoding}: {reason}</source>
        <translation>无法按 {encoding} 读取文件：{reason}</translation>
    </message>
    <message>
        <source>the file is not valid CSV: {reason}</source>
        <translation>文件不是有效的 CSV：{reason}</translation>
    </message>
    <message>
        <source>the workbook has no sheets</source>
        <translation>工作簿中没有工作表</translation>
    </message>
    <message>
        <source>shipment {id} does not exist (it may have been deleted)</source>
        <translation>运单 {id} 不存在（可能已被删除）</translation>
    </message>
    <message>
        <source>waybill {what} was changed by {who} at {when} after you opened it; reload it, or overwrite their change knowingly</source>
        <translation>运单 {what} 在您打开后已由 {who} 于 {when} 修改；请重新加载，或在知情的情况下覆盖其修改</translation>
    </message>
    <message>
        <source>the shipment was changed by someone else while saving; reload it</source>
        <translation>保存时运单已被他人修改；请重新加载</translation>
    </message>
    <message>
        <source>no shipment is on train {train_no}</source>
        <translation>车次 {train_no} 上没有运单</translation>
    </message>
    <message>
        <source>no train &apos;{train_no}&apos;</source>
        <translation>没有车次“{train_no}”</translation>
    </message>
    <message>
        <source>no {what} has the code or name &apos;{text}&apos;</source>
        <translation>没有代码或名称为“{text}”的{what}</translation>
    </message>
    <message>
        <source>more than one {what} has the code or name &apos;{text}&apos;</source>
        <translation>有多个{what}的代码或名称为“{text}”</translation>
    </message>
    <message>
        <source>this {what} no longer exists</source>
        <translation>该{what}已不存在</translation>
    </message>
    <message>
        <source>the period ends ({last}) before it starts ({first})</source>
        <translation>期间的结束日期（{last}）早于开始日期（{first}）</translation>
    </message>
    <message>
        <source>not a database URL Railgrain understands: {url}</source>
        <translation>Railgrain 无法识别的数据库 URL：{url}</translation>
    </message>
    <message>
        <source>the database is read-only: you may not change data in it</source>
        <translation>数据库为只读：您不能修改其中的数据</translation>
    </message>
    <message>
        <source>you may not change data in this database: your database role may only read</source>
        <translation>您不能修改此数据库中的数据：您的数据库角色只有读取权限</translation>
    </message>
    <message>
        <source>the database file is damaged or not a database: {reason}</source>
        <translation>数据库文件已损坏或不是数据库：{reason}</translation>
    </message>
    <message>
        <source>the database is busy: another user or window kept it locked for more than {seconds} s; try again</source>
        <translation>数据库正忙：其他用户或窗口锁定它已超过 {seconds} 秒；请重试</translation>
    </message>
    <message>
        <source>the disk is full: nothing was saved</source>
        <translation>磁盘已满：未保存任何内容</translation>
    </message>
    <message>
        <source>the database file cannot be opened (check the path and its permissions)</source>
        <translation>无法打开数据库文件（请检查路径及其权限）</translation>
    </message>
    <message>
        <source>this file is not a Railgrain database</source>
        <translation>此文件不是 Railgrain 数据库</translation>
    </message>
    <message>
        <source>cannot connect to the database server: {reason}</source>
        <translation>无法连接数据库服务器：{reason}</translation>
    </message>
    <message>
        <source>database error: {reason}</source>
        <translation>数据库错误：{reason}</translation>
    </message>
    <message>
        <source>no database at {path}</source>
        <translation>{path} 处没有数据库</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database (not a SQLite file)</source>
        <translation>{path} 不是 Railgrain 数据库（不是 SQLite 文件）</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database</source>
        <translation>{path} 不是 Railgrain 数据库</translation>
    </message>
    <message>
        <source>{path} was written by a newer Railgrain (schema {revision}); update Railgrain to open it</source>
        <translation>{path} 由更新版本的 Railgrain 写入（架构 {revision}）；请更新 Railgrain 后再打开</translation>
    </message>
    <message>
        <source>{path} needs a schema upgrade; open it writable first</source>
        <translation>{path} 需要升级架构；请先以可写方式打开</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is empty, not a Railgrain database</source>
        <translation>{path} 为空，不是 Railgrain 数据库</translation>
    </message>
    <message>
        <source>cannot watch {path} for changes: {reason}</source>
        <translation>无法监视 {path} 的变更：{reason}</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name (nothing was changed)</source>
        <translation>{path} 已存在；请选择新的文件名（未做任何更改）</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name</source>
        <translation>{path} 已存在；请选择新的文件名</translation>
    </message>
    <message>
        <source>the folder {path} does not exist</source>
        <translation>文件夹 {path} 不存在</translation>
    </message>
    <message>
        <source>the backup to {path} failed: {reason} (nothing was written)</source>
        <translation>备份到 {path} 失败：{reason}（未写入任何内容）</translation>
    </message>
    <message>
        <source>the copy of {path} failed: {reason} (nothing was written)</source>
        <translation>复制 {path} 失败：{reason}（未写入任何内容）</translation>
    </message>
    <message>
        <source>the copy fails its integrity check ({reason}): {path} itself is damaged; run `check` on it (no backup was written)</source>
        <translation>副本未通过完整性检查（{reason}）：{path} 本身已损坏；请对其运行 `check`（未写入备份）</translation>
    </message>
    <message>
        <source>the copy cannot be read back ({reason}): {path} itself is damaged; run `check` on it (no backup was written)</source>
        <translation>无法读回副本（{reason}）：{path} 本身已损坏；请对其运行 `check`（未写入备份）</translation>
    </message>
    <message>
        <source>a PostgreSQL database is backed up with the server&apos;s own tools: install pg_dump (Debian: apt-get install postgresql-client) and run this again, or ask the database administrator</source>
        <translation>PostgreSQL 数据库需用服务器自带工具备份：请安装 pg_dump（Debian：apt-get install postgresql-client）后重新运行，或联系数据库管理员</translation>
    </message>
    <message>
        <source>{path} has no schema to back up (check its search_path)</source>
        <translation>{path} 没有可备份的架构（请检查其 search_path）</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}</source>
        <translation>{tool} 执行失败：{reason}</translation>
    </message>
    <message>
        <source>the automatic backup folder {path} cannot be created: {reason}</source>
        <translation>无法创建自动备份文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is a PostgreSQL database: restore a pg_dump backup with pg_restore --clean --single-transaction, or ask the database administrator (nothing was changed)</source>
        <translation>{path} 是 PostgreSQL 数据库：请用 pg_restore --clean --single-transaction 恢复 pg_dump 备份，或联系数据库管理员（未做任何更改）</translation>
    </message>
    <message>
        <source>{path} is the database itself; choose a backup file</source>
        <translation>{path} 就是数据库本身；请选择备份文件</translation>
    </message>
    <message>
        <source>the folder {path} does not exist (nothing was changed)</source>
        <translation>文件夹 {path} 不存在（未做任何更改）</translation>
    </message>
    <message>
        <source>{path} cannot be read as a database ({reason}); nothing was changed</source>
        <translation>无法将 {path} 作为数据库读取（{reason}）；未做任何更改</translation>
    </message>
    <message>
        <source>cannot write next to {path}: {reason} (nothing was changed)</source>
        <translation>无法在 {path} 旁写入：{reason}（未做任何更改）</translation>
    </message>
    <message>
        <source>{path} appeared meanwhile; nothing was restored</source>
        <translation>{path} 在此期间已出现；未恢复任何内容</translation>
    </message>
    <message>
        <source>cannot write to {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>shipments in the file were changed by someone else during the import; import the file again</source>
        <translation>导入期间文件中的运单已被他人修改；请重新导入该文件</translation>
    </message>
    <message>
        <source>the restore into {path} failed: {reason}; the database is as it was</source>
        <translation>恢复到 {path} 失败：{reason}；数据库保持原样</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database; it is not replaced (choose another --db)</source>
        <translation>{path} 不是 Railgrain 数据库；不会被替换（请选择其他 --db）</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); nothing was changed</source>
        <translation>{path} 已损坏（{reason}）；未做任何更改</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database; nothing was changed</source>
        <translation>{path} 不是 Railgrain 数据库；未做任何更改</translation>
    </message>
    <message>
        <source>{path} was written by a newer Railgrain (schema {revision}); update Railgrain to restore it (nothing was changed)</source>
        <translation>{path} 由更新版本的 Railgrain 写入（架构 {revision}）；请更新 Railgrain 后再恢复（未做任何更改）</translation>
    </message>
    <message>
        <source>{path} is busy: another window or user is writing; try again (nothing was restored)</source>
        <translation>{path} 正忙：其他窗口或用户正在写入；请重试（未恢复任何内容）</translation>
    </message>
    <message>
        <source>{path} is read-only: it cannot be replaced (nothing was restored)</source>
        <translation>{path} 为只读：无法替换（未恢复任何内容）</translation>
    </message>
    <message>
        <source>the disk is full: nothing was restored</source>
        <translation>磁盘已满：未恢复任何内容</translation>
    </message>
    <message>
        <source>the restore failed: {reason}; nothing was restored</source>
        <translation>恢复失败：{reason}；未恢复任何内容</translation>
    </message>
    <message>
        <source>the number of demo shipments must be 0 or more</source>
        <translation>演示运单数量必须为 0 或以上</translation>
    </message>
    <message>
        <source>demo data starts in December 2020: &apos;today&apos; must be in 2021 or later</source>
        <translation>演示数据从 2020 年 12 月开始：“今天”必须在 2021 年或之后</translation>
    </message>
    <message>
        <source>{path} already holds {shipments} shipments; demo data goes into a new database</source>
        <translation>{path} 中已有 {shipments} 票运单；演示数据只能写入新数据库</translation>
    </message>
    <message>
        <source>the demo needs the reference stations and goods of a new database; missing: {names}</source>
        <translation>演示需要新数据库中的基础车站和货物；缺少：{names}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} already holds {shipments} shipments; demo data goes into a new database: choose another --db (nothing was changed)</source>
        <translation>{path} 中已有 {shipments} 票运单；演示数据只能写入新数据库：请选择其他 --db（未做任何更改）</translation>
    </message>
    <message>
        <source>check failed: {reason}</source>
        <translation>检查未通过：{reason}</translation>
    </message>
    <message>
        <source>restoring replaces {path}: add --yes to confirm when not at a terminal (nothing was changed)</source>
        <translation>恢复将替换 {path}：非终端运行时请加 --yes 确认（未做任何更改）</translation>
    </message>
    <message>
        <source>the database is neither a file path nor a URL such as postgresql+psycopg://user@host/dbname</source>
        <translation>数据库既不是文件路径，也不是 postgresql+psycopg://user@host/dbname 这样的 URL</translation>
    </message>
    <message>
        <source>Railgrain works with SQLite files and PostgreSQL, not {backend}</source>
        <translation>Railgrain 支持 SQLite 文件和 PostgreSQL，不支持 {backend}</translation>
    </message>
    <message>
        <source>station</source>
        <extracomment>The kinds of record a ``what`` or ``kind`` parameter names.</extracomment>
        <translation>车站</translation>
    </message>
    <message>
        <source>commodity</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>counterparty</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>origin station</source>
        <translation>发站</translation>
    </message>
    <message>
        <source>border station</source>
        <translation>口岸站</translation>
    </message>
    <message>
        <source>destination station</source>
        <translation>到站</translation>
    </message>
    <message>
        <source>wagon</source>
        <translation>车皮</translation>
    </message>
    <message>
        <source>container</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Parameters that hold a status value.</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 条</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>value &apos;%1&apos;</source>
        <translation>值“%1”</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>There is a problem with the database:</source>
        <translation>数据库出现问题：</translation>
    </message>
    <message>
        <source>Not found:</source>
        <translation>未找到：</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime:</source>
        <translation>在此期间已有他人修改了此内容：</translation>
    </message>
    <message>
        <source>This value is not accepted:</source>
        <translation>此值不被接受：</translation>
    </message>
    <message>
        <source>This cannot be done:</source>
        <translation>无法执行此操作：</translation>
    </message>
    <message>
        <source>Railgrain</source>
        <translation>Railgrain</translation>
    </message>
    <message>
        <source>Railgrain — unexpected error</source>
        <translation>Railgrain — 意外错误</translation>
    </message>
    <message>
        <source>Railgrain ran into an unexpected error (a bug). Your saved data is safe.</source>
        <translation>Railgrain 遇到意外错误（程序缺陷）。您已保存的数据是安全的。</translation>
    </message>
    <message>
        <source>Please report it with the details below.</source>
        <translation>请连同以下详细信息一起报告此问题。</translation>
    </message>
    <message>
        <source>Please report it with the details below (also written to %1).</source>
        <translation>请连同以下详细信息一起报告此问题（详细信息也已写入 %1）。</translation>
    </message>
</context>
<context>
    <name>EtaDialog</name>
    <message>
        <source>Revise ETA</source>
        <translation>修改预计到达</translation>
    </message>
    <message>
        <source>e.g. queue at Dostyk, wagon change</source>
        <translation>例如：多斯特克排队、换装车皮</translation>
    </message>
    <message numerus="yes">
        <source>New ETA of %n shipment(s)</source>
        <translation>
            <numerusform>%n 票运单的新预计到达日期</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;ETA:</source>
        <translation>预计到达(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>FigureTable</name>
    <message>
        <source>Double-click or Enter: show in the workspace</source>
        <extracomment>Columns whose text is right-aligned (numbers). A row to flag (e.g. predicted late), shown with a ⚠ marker in the first cell.</extracomment>
        <translation>双击或按回车：在工作区中显示</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>Click to see these shipments in the workspace</source>
        <extracomment>Item data role holding a row&apos;s ``Cell`` list owner (its Filter and label). Item data role holding the shipment id of a row (train and history views). Item data role holding the train number of a row. The tile was clicked: its filter and a short label for the workspace chip.</extracomment>
        <translation>单击可在工作区中查看这些运单</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search by waybill, train, wagon or container number, or notes…</source>
        <extracomment>A date edit at this date shows blank and means &quot;no limit&quot;. Filter ids for a reference text that matched nothing: no row has them. Filled in when the reference lists arrive (see ``FilterBar._take_references``). The filter changed (after a pause in typing); read it with :meth:`current_filter`. Milliseconds of no typing before the filter runs (each change is a database query).</extracomment>
        <translation>按运单号、车次、车皮号、集装箱号或备注搜索…</translation>
    </message>
    <message>
        <source>&amp;Late only</source>
        <translation>仅显示晚点(&amp;L)</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Commodity</source>
        <extracomment>Whether the reference lists are in (names to match, completions to offer).</extracomment>
        <translation>货物</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发站</translation>
    </message>
    <message>
        <source>Via border</source>
        <translation>经由口岸</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到站</translation>
    </message>
    <message>
        <source>A code or any name (Latin, local, Chinese or Russian)</source>
        <translation>代码或任一名称（拉丁文、当地文字、中文或俄文）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>发车</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>%1 statuses</source>
        <translation>%1 个状态</translation>
    </message>
</context>
<context>
    <name>FormActions</name>
    <message>
        <source>&amp;New shipment…</source>
        <translation>新建运单(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit shipment…</source>
        <translation>编辑运单(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate shipment…</source>
        <translation>复制运单(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit the selected shipment (Enter or double-click)</source>
        <translation>编辑选中的运单（回车或双击）</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Stations…</source>
        <translation>车站(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Goods…</source>
        <translation>货物(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Counterparties…</source>
        <translation>往来单位(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;ontracts…</source>
        <translation>合同(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 个车皮或集装箱</numerusform>
        </translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · train %2 · %3 · %4 → %5 · now: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 车次 %2 · %3 · %4 → %5 · 当前：%6</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>ETA &amp;revisions</source>
        <translation>预计到达修改(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Weight changes</source>
        <translation>重量变更(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>审计记录(&amp;A)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>车站</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Comma</source>
        <extracomment>Rows shown in the preview (all problem rows are shown too).</extracomment>
        <translation>逗号</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Row</source>
        <extracomment>Preview columns: (value key, header). Headers are translated at display time.</extracomment>
        <translation>行</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>车次</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>发站</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>到站</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>发车日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Net weight</source>
        <translation>净重</translation>
    </message>
    <message>
        <source>Import shipments — %1</source>
        <extracomment>Preview keys → the file&apos;s canonical column they come from. Emitted with the import&apos;s Summary after everything was written. Emitted when a (re)reading of the data has finished, readable or not.</extracomment>
        <translation>导入运单 — %1</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>分隔符(&amp;S)：</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>Will insert %1, update %2, leave %3 unchanged.</source>
        <translation>将新增 %1 条，更新 %2 条，%3 条保持不变。</translation>
    </message>
    <message>
        <source>Nothing can be imported until every problem is fixed.</source>
        <translation>必须先解决所有问题才能导入。</translation>
    </message>
    <message>
        <source>Read as a workbook (%1), sheet “%2”.</source>
        <translation>按工作簿（%1）读取，工作表“%2”。</translation>
    </message>
    <message>
        <source>Read as %1, separated by: %2.</source>
        <translation>按 %1 编码读取，分隔符：%2。</translation>
    </message>
    <message>
        <source>The encoding was assumed: it is the one under which the names match the database best. Change it above if the text looks wrong.</source>
        <translation>编码为推测所得：在该编码下名称与数据库匹配得最好。如果文字显示不正确，请在上方更改。</translation>
    </message>
    <message>
        <source>The header is row %1; the rows above it are left out.</source>
        <translation>表头在第 %1 行，其上方各行不导入。</translation>
    </message>
    <message>
        <source>Totals rows left out: %1.</source>
        <translation>未导入的合计行：%1。</translation>
    </message>
    <message>
        <source>Ignored columns: %1.</source>
        <translation>已忽略的列：%1。</translation>
    </message>
    <message>
        <source>New counterparties: %1.</source>
        <translation>新的往来单位：%1。</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 条</translation>
    </message>
    <message>
        <source>Importing shipments…</source>
        <translation>正在导入运单…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何内容。</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
</context>
<context>
    <name>ImportExportActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Paste shipments</source>
        <translation>粘贴运单(&amp;P)</translation>
    </message>
    <message>
        <source>Import shipments</source>
        <translation>导入运单</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.xls *.ods *.txt *.tsv);;All files (*)</source>
        <translation>电子表格 (*.csv *.xlsx *.xls *.ods *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>已导入：新增 %1，更新 %2，不变 %3</translation>
    </message>
    <message>
        <source>Export shipments</source>
        <translation>导出运单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting shipments…</source>
        <translation>正在导出运单…</translation>
    </message>
    <message>
        <source>Exported %1 shipments to %2</source>
        <translation>已将 %1 票运单导出到 %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Waybill</source>
        <extracomment>What each field of a file is, for the column choices (shown with its canonical name).</extracomment>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Train number</source>
        <translation>车次</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Origin station</source>
        <translation>发站</translation>
    </message>
    <message>
        <source>Border station</source>
        <translation>口岸站</translation>
    </message>
    <message>
        <source>Destination station</source>
        <translation>到站</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>发车日期</translation>
    </message>
    <message>
        <source>Expected arrival</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>到达日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Net weight</source>
        <translation>净重</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>车皮数</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>集装箱数</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Wagon and container numbers</source>
        <translation>车号/箱号</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Railgrain — %1</source>
        <extracomment>Data changed: after this window&apos;s own writes (``apply_changes``) and after changes made elsewhere (another window, process or user). Pages other than the shipments table (dashboard, charts, views) refresh on it.</extracomment>
        <translation>Railgrain — %1</translation>
    </message>
    <message>
        <source>Every change is saved to the database at once.</source>
        <extracomment>Every change made in this window, undoable in order (Ctrl+Z / Ctrl+Shift+Z). Dashboard, Shipments and Charts as tabs (Ctrl+1/2/3); figures drill down.</extracomment>
        <translation>每项更改都会立即保存到数据库。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <extracomment>New / Edit / Duplicate shipment and the Data menu (reference editors). Shows what other users, windows and processes save (then emits ``data_changed``).</extracomment>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <extracomment>File → Backup… / Restore… and the daily automatic backup (started by ui.app).</extracomment>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Late only</source>
        <translation>仅显示晚点(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Clear filter</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Saved &amp;views</source>
        <translation>已保存的视图(&amp;V)</translation>
    </message>
    <message>
        <source>C&amp;olumns</source>
        <translation>列(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Shipments</source>
        <translation>运单(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>打印报表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Railgrain</source>
        <translation>关于 Railgrain(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>保存当前视图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>删除视图(&amp;D)</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of this view (filter, sort and columns):</source>
        <translation>此视图的名称（筛选、排序和列）：</translation>
    </message>
    <message>
        <source>About Railgrain</source>
        <translation>关于 Railgrain</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Railgrain&lt;/h3&gt;&lt;p&gt;Tracks grain trains from Kazakhstan to north-west China: shipments, wagons and containers, border delays and arrivals.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Railgrain&lt;/h3&gt;&lt;p&gt;跟踪从哈萨克斯坦发往中国西北的粮食班列：运单、车皮和集装箱、口岸滞留及到达情况。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PageTabs</name>
    <message>
        <source>Dashboard</source>
        <extracomment>Page keys in tab order (stored in the settings as the last page shown). The dashboard and charts once built (see the module docstring). The window&apos;s data_changed, connected to each lazy page as it is built.</extracomment>
        <translation>概览</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <extracomment>Ctrl+1/2/3: the pages.</extracomment>
        <translation>概览(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;hipments</source>
        <translation>运单(&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>图表(&amp;H)</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Show the &amp;train…</source>
        <translation>显示整列车(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Shipment &amp;history…</source>
        <translation>运单历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>train view</source>
        <translation>列车视图</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>ReferenceColumns</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>当地名称</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄文名</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Quantity, t</source>
        <translation>数量，吨</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <source>Stations</source>
        <translation>车站</translation>
    </message>
    <message>
        <source>&amp;Name (Latin):</source>
        <translation>名称（拉丁文）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Code s&amp;ystem:</source>
        <translation>代码体系(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Local name:</source>
        <translation>当地名称(&amp;L)：</translation>
    </message>
    <message>
        <source>C&amp;hinese name:</source>
        <translation>中文名称(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Russian name:</source>
        <translation>俄文名称(&amp;R)：</translation>
    </message>
    <message>
        <source>Co&amp;untry (ISO):</source>
        <translation>国家 (ISO)(&amp;U)：</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>类型(&amp;O)：</translation>
    </message>
    <message>
        <source>UN/LO&amp;CODE:</source>
        <translation>UN/LOCODE(&amp;C)：</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>&amp;HS code:</source>
        <translation>HS 编码(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>编号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Supplier:</source>
        <translation>供应商(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Goods:</source>
        <translation>货物(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Quantity, t:</source>
        <translation>数量，吨(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止日期(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Price per t:</source>
        <translation>每吨价格(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>币种(&amp;C)：</translation>
    </message>
    <message>
        <source>T&amp;olerance, %:</source>
        <translation>允差，%(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <extracomment>A row was saved or deleted (views showing names refresh).</extracomment>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this entry? This cannot be undone.</source>
        <translation>删除此条目？此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Not deleted: it is used by %n contract(s).</source>
        <translation>
            <numerusform>未删除：有 %n 份合同使用它。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not deleted: it is used by %n shipment(s).</source>
        <translation>
            <numerusform>未删除：有 %n 票运单使用它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>ReferencePicker</name>
    <message>
        <source>More than one entry has this name; pick one from the list.</source>
        <extracomment>The role the completer matches on and inserts: one alias of the row. The resolved id changed (None: blank, unknown or ambiguous text).</extracomment>
        <translation>有多个条目使用此名称；请从列表中选择一个。</translation>
    </message>
    <message>
        <source>Not in the list; type a name or code and pick from the list.</source>
        <translation>不在列表中；请输入名称或代码，并从列表中选择。</translation>
    </message>
</context>
<context>
    <name>ReferenceValues</name>
    <message>
        <source>origin</source>
        <extracomment>Stored role and code-system values, marked for translation where shown.</extracomment>
        <translation>始发站</translation>
    </message>
    <message>
        <source>border</source>
        <translation>口岸站</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>到达站</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>forwarder</source>
        <translation>货运代理</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <source>Period summary</source>
        <extracomment>The last report made (for tests and for printing again without collecting again).</extracomment>
        <translation>期间汇总</translation>
    </message>
    <message>
        <source>Train arrival sheet</source>
        <translation>列车到达单</translation>
    </message>
    <message>
        <source>train number</source>
        <translation>车次</translation>
    </message>
    <message>
        <source>printed at the top of every page</source>
        <translation>打印在每页顶部</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>报表(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Train:</source>
        <translation>车次(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>纸张(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Enter the train number.</source>
        <translation>请输入车次。</translation>
    </message>
    <message>
        <source>Collecting the train&apos;s consignments…</source>
        <translation>正在汇总该列车的运单…</translation>
    </message>
    <message>
        <source>Collecting the figures…</source>
        <translation>正在汇总数据…</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>将报表另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The new language takes effect the next time Railgrain starts. It also sets how numbers, tonnes and dates are written, and the names of stations and goods.</source>
        <translation>新的语言将在下次启动 Railgrain 时生效。它同时决定数字、吨数和日期的写法，以及车站和货物名称的显示语言。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>ShipmentActions</name>
    <message>
        <source>&amp;Edit cell</source>
        <extracomment>Told what changed after every change, undo and redo, so views refresh. More rows than this are not copied: the clipboard would hold hundreds of megabytes. A whole train is loaded in one page of at most this many shipments.</extracomment>
        <translation>编辑单元格(&amp;E)</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>更改状态(&amp;S)…</translation>
    </message>
    <message>
        <source>Change status of the whole &amp;train…</source>
        <translation>更改整列车的状态(&amp;T)…</translation>
    </message>
    <message>
        <source>Revise &amp;ETA…</source>
        <translation>修改预计到达(&amp;E)…</translation>
    </message>
    <message>
        <source>Revise ETA of the whole t&amp;rain…</source>
        <translation>修改整列车的预计到达(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Next shipment</source>
        <translation>下一个运单(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous shipment</source>
        <translation>上一个运单(&amp;P)</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>状态更改</translation>
    </message>
    <message>
        <source>ETA revision</source>
        <translation>预计到达修改</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete shipments</source>
        <translation>删除运单</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n shipment(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>删除 %n 票运单？撤销 (Ctrl+Z) 可将其恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentColumns</name>
    <message>
        <source>Waybill</source>
        <extracomment>The translation context of the headers. Stable name, used in saved header states and exports. English header, marked for translation; show it through :meth:`title`. The text shown, from a row and the day &quot;late&quot; is judged against. The raw value behind the text (a date, kg, a count), for SortRole and exports. The key of ``queries.SORT_COLUMNS`` that orders by this column; None: not sortable. Text about as wide as the column usually needs, to size it without reading rows. Longer names are elided; the tooltip shows them whole. The editor kind (see ``EDITORS``) for in-table editing; None: read-only. Editor kinds: which delegate edits the cell and which service saves it.</extracomment>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>车次</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>发车</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days in transit</source>
        <translation>在途天数</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>晚点天数</translation>
    </message>
    <message>
        <source>Net, t</source>
        <translation>净重，吨</translation>
    </message>
    <message>
        <source>Arrived, t</source>
        <translation>到达重量，吨</translation>
    </message>
    <message>
        <source>Difference, t</source>
        <translation>差额，吨</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>车皮数</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>集装箱数</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>Service field names that are shown at another editor.</extracomment>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>保存 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>New shipment</source>
        <translation>新建运单</translation>
    </message>
    <message>
        <source>New shipment (copy of %1)</source>
        <translation>新建运单（复制自 %1）</translation>
    </message>
    <message>
        <source>Shipment %1</source>
        <translation>运单 %1</translation>
    </message>
    <message>
        <source>Reloaded the saved version; your edits were discarded.</source>
        <translation>已重新加载已保存的版本；您的修改已放弃。</translation>
    </message>
    <message>
        <source>New shipment %1</source>
        <translation>新建运单 %1</translation>
    </message>
    <message>
        <source>Edit of shipment %1</source>
        <translation>编辑运单 %1</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>未保存：请更正红色标记的字段。</translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>未保存：%1：%2</translation>
    </message>
</context>
<context>
    <name>ShipmentEdits</name>
    <message>
        <source>status change</source>
        <translation>状态更改</translation>
    </message>
    <message>
        <source>ETA revision</source>
        <translation>预计到达修改</translation>
    </message>
    <message>
        <source>arrived weight</source>
        <translation>到达重量</translation>
    </message>
    <message>
        <source>arrival date change</source>
        <translation>到达日期更改</translation>
    </message>
    <message>
        <source>notes edit</source>
        <translation>备注修改</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shipment(s)</source>
        <translation>
            <numerusform>%n 票运单的%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentFields</name>
    <message>
        <source>Waybill</source>
        <extracomment>The translation context of field names. Field names as the audit trail stores them → what the user reads.</extracomment>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>车次</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>发站</translation>
    </message>
    <message>
        <source>Border</source>
        <translation>口岸站</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>到站</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Planned departure</source>
        <translation>计划发车</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>发车日期</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Net weight (t)</source>
        <translation>净重（吨）</translation>
    </message>
    <message>
        <source>Arrived weight (t)</source>
        <translation>到达重量（吨）</translation>
    </message>
    <message>
        <source>Weight note</source>
        <translation>重量说明</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>车皮</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Wagons and containers</source>
        <translation>车皮和集装箱</translation>
    </message>
    <message>
        <source>Created</source>
        <extracomment>Audit actions → what the user reads.</extracomment>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>状态更改</translation>
    </message>
    <message>
        <source>ETA revised</source>
        <translation>预计到达已修改</translation>
    </message>
    <message>
        <source>Arrived weight</source>
        <translation>到达重量</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>ShipmentForm</name>
    <message>
        <source>&amp;Waybill:</source>
        <extracomment>Field name → its label, in form order (also the order of a conflict&apos;s differences).</extracomment>
        <translation>运单号(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Train:</source>
        <translation>车次(&amp;T)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Goods:</source>
        <translation>货物(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Supplier:</source>
        <translation>供应商(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Consignee:</source>
        <translation>收货人(&amp;C)：</translation>
    </message>
    <message>
        <source>Co&amp;ntract:</source>
        <translation>合同(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>发站(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Border:</source>
        <translation>口岸站(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>到站(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Planned departure:</source>
        <translation>计划发车(&amp;P)：</translation>
    </message>
    <message>
        <source>Dep&amp;arted:</source>
        <translation>实际发车(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;ETA:</source>
        <translation>预计到达(&amp;E)：</translation>
    </message>
    <message>
        <source>Arr&amp;ived:</source>
        <translation>实际到达(&amp;I)：</translation>
    </message>
    <message>
        <source>Net &amp;weight, t:</source>
        <translation>净重，吨(&amp;W)：</translation>
    </message>
    <message>
        <source>Arrived wei&amp;ght, t:</source>
        <translation>到达重量，吨(&amp;G)：</translation>
    </message>
    <message>
        <source>Weight note:</source>
        <translation>重量说明：</translation>
    </message>
    <message>
        <source>Wagons:</source>
        <translation>车皮数：</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>集装箱数：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Wagons and containers</source>
        <extracomment>Where a plausibility warning&apos;s field is shown. Any value changed.</extracomment>
        <translation>车皮和集装箱</translation>
    </message>
    <message>
        <source>Arrival is before departure.</source>
        <translation>到达日期早于发车日期。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>ShipmentsPage</name>
    <message>
        <source>Cannot count the shipments: %1</source>
        <extracomment>The rows were counted again; the argument is the new :meth:`summary`. Whether ``_total`` is the whole table&apos;s count yet (not the first page&apos;s rows): a filter restored at start drops the unfiltered count, so it is read on a worker.</extracomment>
        <translation>无法统计运单：%1</translation>
    </message>
    <message>
        <source>Counting shipments…</source>
        <translation>正在统计运单…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s), %1 t</source>
        <translation>
            <numerusform>%Ln 票，%1 吨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln shipment(s), %2 t</source>
        <translation>
            <numerusform>%1 / %Ln 票，%2 吨</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentsTableModel</name>
    <message>
        <source>%1 (not sortable)</source>
        <extracomment>Saves an edited cell: (the row as loaded, the editor kind, the new value) → accepted? The roles whose values change when a page turns out to be unreadable. The ShipmentRow shown on the row (any column); None for a placeholder row. The cell&apos;s raw value (a date, kg, a count, a status value) to sort or export by. Days past the ETA for an open shipment, 0 when not late. The error text of a placeholder row; None on a real row. The editor kind of the cell&apos;s column (see ``columns.EDITORS``); None: read-only. Rows fetched per query: a few screens, small enough to load in a few milliseconds. Pages kept; the least recently used page is dropped first. How long a reset waits for the count before showing the first rows without it (ms). 0: the first paint waits for nothing but the first page (the count starts after it). Pages read ahead in the direction the user scrolls (and one behind). The count and tonnes of the current filter are known now (or failed: count_error). The language of station and goods names (read once: the locale is set at start). The page last painted from, and the one before it (the scroll direction). +1 while the user scrolls down, -1 up: which way pages are read ahead. Flags per column (rebuilt when editing is switched on or off). Whether the work after a paint (count, read-ahead) is queued. True while the count of the current generation is still running.</extracomment>
        <translation>%1（不可排序）</translation>
    </message>
    <message>
        <source>This row is gone; refresh the table.</source>
        <translation>此行已不存在；请刷新表格。</translation>
    </message>
    <message numerus="yes">
        <source>Late: %n day(s) past the ETA</source>
        <translation>
            <numerusform>晚点：已超过预计到达 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load this row: %1</source>
        <translation>无法加载此行：%1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Planned</source>
        <extracomment>The languages Railgrain is translated into: setting value → the language&apos;s own name. The setting&apos;s empty value means &quot;as the system&quot; (see ``locale_for``). The object name of the translators Railgrain installs, so a language change finds them. Status labels, marked for lupdate and translated at display time (context &quot;Status&quot;).</extracomment>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>装车中</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>At border</source>
        <translation>在口岸</translation>
    </message>
    <message>
        <source>Customs</source>
        <translation>清关中</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <source>Unloaded</source>
        <translation>已卸车</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>%1 (back, with a note)</source>
        <translation>%1（退回，需填写备注）</translation>
    </message>
    <message>
        <source>Status correction</source>
        <translation>状态更正</translation>
    </message>
    <message>
        <source>Why does the status go back?</source>
        <translation>状态为什么要退回？</translation>
    </message>
</context>
<context>
    <name>TonnesDelegate</name>
    <message>
        <source>Weight difference</source>
        <extracomment>The arrived weight may differ from the shipped weight by this much without a note.</extracomment>
        <translation>重量差异</translation>
    </message>
    <message>
        <source>The arrived weight differs from the shipped weight. Why?</source>
        <translation>到达重量与发运重量不一致。原因是什么？</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <source>Train %1</source>
        <extracomment>&quot;Show in workspace&quot;: the train&apos;s Filter and a label. A shipment&apos;s history was asked for (double-click).</extracomment>
        <translation>列车 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Train %1&lt;/b&gt; · %2 · net %3 t · arrived %4 · %5 wagons · %6 containers</source>
        <translation>&lt;b&gt;列车 %1&lt;/b&gt; · %2 · 净重 %3 吨 · 已到达 %4 · 车皮 %5 · 集装箱 %6</translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n 票</numerusform>
        </translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>车皮</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>Net t</source>
        <translation>净重，吨</translation>
    </message>
    <message>
        <source>Arrived t</source>
        <translation>到达 吨</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>发车日期</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>车站</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Wagons and containers</source>
        <translation>车皮和集装箱(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>Show in &amp;workspace</source>
        <translation>在工作区中显示(&amp;W)</translation>
    </message>
    <message>
        <source>Shipment &amp;history…</source>
        <translation>运单历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>Wagon</source>
        <translation>车皮</translation>
    </message>
    <message>
        <source>train %1</source>
        <translation>列车 %1</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 t</source>
        <translation>%1 吨</translation>
    </message>
</context>
<context>
    <name>UnitsEditor</name>
    <message>
        <source>Kind</source>
        <extracomment>Rows were added or removed, or a value changed.</extracomment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Net t</source>
        <translation>净重，吨</translation>
    </message>
    <message>
        <source>&amp;Add wagon or container</source>
        <translation>添加车皮或集装箱(&amp;A)</translation>
    </message>
    <message>
        <source>No wagons or containers listed.</source>
        <translation>未列出车皮或集装箱。</translation>
    </message>
    <message>
        <source>container</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>wagon</source>
        <translation>车皮</translation>
    </message>
    <message>
        <source>e.g. CSQU3054383</source>
        <translation>例如 CSQU3054383</translation>
    </message>
    <message>
        <source>Remove this row</source>
        <translation>删除此行</translation>
    </message>
</context>
<context>
    <name>WarningTexts</name>
    <message>
        <source>{weight_kg} is light for one {kind}; a loaded {kind} usually carries {min_kg}–{max_kg} net</source>
        <extracomment>Warning code → template; fields are the warning&apos;s params (``*_kg`` shown as tonnes).</extracomment>
        <translation>一个{kind}装 {weight_kg} 偏轻；满载的{kind}通常净重 {min_kg}–{max_kg}</translation>
    </message>
    <message>
        <source>{weight_kg} is heavy for one {kind}; a loaded {kind} usually carries {min_kg}–{max_kg} net</source>
        <translation>一个{kind}装 {weight_kg} 偏重；满载的{kind}通常净重 {min_kg}–{max_kg}</translation>
    </message>
    <message>
        <source>{total_kg} over {units} units is {average_kg} per {kind}; a loaded {kind} usually carries {min_kg}–{max_kg} net: check the weight and the number of units</source>
        <translation>{total_kg} 分装 {units} 个单元，每个{kind} {average_kg}；满载的{kind}通常净重 {min_kg}–{max_kg}：请核对重量和单元数</translation>
    </message>
    <message>
        <source>{total_kg} is light for a container train (under {min_kg})</source>
        <translation>集装箱班列 {total_kg} 偏轻（低于 {min_kg}）</translation>
    </message>
    <message>
        <source>{total_kg} is heavy for a container train (over {max_kg})</source>
        <translation>集装箱班列 {total_kg} 偏重（超过 {max_kg}）</translation>
    </message>
    <message>
        <source>{units} boxes is few; a container train usually has {min}–{max}</source>
        <translation>{units} 箱偏少；集装箱班列通常为 {min}–{max} 箱</translation>
    </message>
    <message>
        <source>{units} boxes is many; a container train usually has {min}–{max}</source>
        <translation>{units} 箱偏多；集装箱班列通常为 {min}–{max} 箱</translation>
    </message>
    <message>
        <source>{arrival} is before the departure ({departure})</source>
        <translation>{arrival} 早于发车日期（{departure}）</translation>
    </message>
    <message>
        <source>{days} days after departure; transit usually takes {min_days}–{max_days} days</source>
        <translation>发车后 {days} 天；运输通常需要 {min_days}–{max_days} 天</translation>
    </message>
    <message>
        <source>{days} days at the border; a stop over {max_days} days is worth asking the forwarder about</source>
        <translation>已在口岸停留 {days} 天；停留超过 {max_days} 天应向货代询问</translation>
    </message>
    <message>
        <source>the arrived weight is {difference_pct} % ({difference_kg}) below the shipped weight, beyond the {tolerance_pct} % tolerance; record the reason</source>
        <translation>到达重量比发运重量少 {difference_pct} %（{difference_kg}），超出 {tolerance_pct} % 允差；请记录原因</translation>
    </message>
    <message>
        <source>the arrived weight is {difference_pct} % ({difference_kg}) above the shipped weight, beyond the {tolerance_pct} % tolerance; record the reason</source>
        <translation>到达重量比发运重量多 {difference_pct} %（{difference_kg}），超出 {tolerance_pct} % 允差；请记录原因</translation>
    </message>
    <message>
        <source>wagon</source>
        <translation>车皮</translation>
    </message>
    <message>
        <source>container</source>
        <translation>集装箱</translation>
    </message>
</context>
</TS>
