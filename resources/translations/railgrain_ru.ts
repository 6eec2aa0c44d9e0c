<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Railgrain — cannot open the database</source>
        <extracomment>Shipments in the demo database the GUI creates on first use of ``--demo``.</extracomment>
        <translation>Railgrain — не удаётся открыть базу данных</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>Создание демонстрационной базы данных…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Backup…</source>
        <extracomment>How long a status-bar note about a backup stays (ms).</extracomment>
        <translation>&amp;Резервная копия…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>Восс&amp;тановить…</translation>
    </message>
    <message>
        <source>A PostgreSQL database is restored by its administrator (pg_restore).</source>
        <translation>Базу данных PostgreSQL восстанавливает её администратор (pg_restore).</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <extracomment>The last message shown about a backup or restore (for the status bar and tests).</extracomment>
        <translation>Резервное копирование базы данных</translation>
    </message>
    <message>
        <source>Railgrain backups (*.sqlite *.dump);;All files (*)</source>
        <translation>Резервные копии Railgrain (*.sqlite *.dump);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Резервное копирование базы данных…</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2).</source>
        <translation>Резервная копия сохранена в %1 (%2).</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Railgrain backups (*.sqlite);;All files (*)</source>
        <translation>Резервные копии Railgrain (*.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Проверка резервной копии…</translation>
    </message>
    <message>
        <source>Replace the open database with this backup?

%1
%2 shipments, schema %3.

The current database is kept next to it as a backup of its own.</source>
        <translation>Заменить открытую базу данных этой резервной копией?

%1
Отправок: %2, версия схемы %3.

Текущая база данных будет сохранена рядом как отдельная резервная копия.</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>Восстановление отменено; ничего не изменено.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Восстановление из резервной копии…</translation>
    </message>
    <message>
        <source>Restored %1 shipments from the backup.</source>
        <translation>Из резервной копии восстановлено отправок: %1.</translation>
    </message>
    <message>
        <source>The replaced database was kept as %1.</source>
        <translation>Заменённая база данных сохранена как %1.</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup was written to %1.</source>
        <translation>Сегодняшняя автоматическая резервная копия записана в %1.</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>Автоматическое резервное копирование не удалось: %1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Отменено; ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>BulkStatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>Изменить статус</translation>
    </message>
    <message>
        <source>code or any name (optional)</source>
        <translation>код или любое название (необязательно)</translation>
    </message>
    <message numerus="yes">
        <source>Change the status of %n shipment(s)</source>
        <translation>
            <numerusform>Изменить статус %n отправки</numerusform>
            <numerusform>Изменить статус %n отправок</numerusform>
            <numerusform>Изменить статус %n отправок</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Когда:</translation>
    </message>
    <message>
        <source>S&amp;tation:</source>
        <translation>С&amp;танция:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <source>No station has that code or name.</source>
        <translation>Нет станции с таким кодом или названием.</translation>
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <source>No shipments arrived in this period.</source>
        <translation>За этот период отправки не прибывали.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>%1: %2 t</source>
        <extracomment>The contract chart shows at most this many contracts (the largest). Grey of the tolerance band and other reference shapes. (position, colour, label) lines across the chart, e.g. medians. A note under the chart (e.g. &quot;15 largest of 40 contracts&quot;); &quot;&quot; for none.</extracomment>
        <translation>%1: %2 т</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s)</source>
        <translation>
            <numerusform>%Ln отправка</numerusform>
            <numerusform>%Ln отправки</numerusform>
            <numerusform>%Ln отправок</numerusform>
        </translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>Тот же месяц прошлого года</translation>
    </message>
    <message>
        <source>Tolerance band</source>
        <translation>Диапазон допуска</translation>
    </message>
    <message>
        <source>Contracted</source>
        <translation>По договору</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Отгружено</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Прибыло</translation>
    </message>
    <message>
        <source>within tolerance</source>
        <translation>в пределах допуска</translation>
    </message>
    <message>
        <source>outside tolerance</source>
        <translation>вне допуска</translation>
    </message>
    <message>
        <source>Tolerance ±%1 %: %2 – %3 t</source>
        <translation>Допуск ±%1 %: %2 – %3 т</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <source>The %1 largest of %2 contracts in the period.</source>
        <translation>%1 крупнейших из %2 договоров за период.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s) in %1 days</source>
        <translation>
            <numerusform>%Ln отправка за %1 дн.</numerusform>
            <numerusform>%Ln отправки за %1 дн.</numerusform>
            <numerusform>%Ln отправок за %1 дн.</numerusform>
        </translation>
    </message>
    <message>
        <source>Median %1 days, 80 % within %2 days</source>
        <translation>Медиана %1 дн., 80 % — не более %2 дн.</translation>
    </message>
    <message>
        <source>median %1 d</source>
        <translation>медиана %1 дн.</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>%1: median %2 days, 80 % within %3 days, %4 shipments</source>
        <translation>%1: медиана %2 дн., 80 % — не более %3 дн., отправок: %4</translation>
    </message>
    <message>
        <source>%1, %2 days or more in transit</source>
        <translation>%1, в пути %2 дн. и более</translation>
    </message>
    <message>
        <source>%1, %2 days in transit</source>
        <translation>%1, в пути %2 дн.</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>&amp;Save chart…</source>
        <extracomment>A bar was clicked: its Filter and a short label. A chart finished drawing (its tab&apos;s object name).</extracomment>
        <translation>&amp;Сохранить график…</translation>
    </message>
    <message>
        <source>Save the chart on screen as PNG or SVG</source>
        <translation>Сохранить показанный график в PNG или SVG</translation>
    </message>
    <message>
        <source>tonnes</source>
        <translation>тонны</translation>
    </message>
    <message>
        <source>Arrived by month</source>
        <translation>Прибыло по месяцам</translation>
    </message>
    <message>
        <source>By route</source>
        <translation>По маршрутам</translation>
    </message>
    <message>
        <source>By supplier</source>
        <translation>По поставщикам</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Договоры</translation>
    </message>
    <message>
        <source>Transit time</source>
        <translation>Срок в пути</translation>
    </message>
    <message>
        <source>shipments</source>
        <translation>отправки</translation>
    </message>
    <message>
        <source>days from departure to arrival</source>
        <translation>дней от отправления до прибытия</translation>
    </message>
    <message>
        <source>Arrived from</source>
        <translation>Прибытие с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Чтение данных…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cannot read the figures: %1</source>
        <translation>Не удаётся прочитать данные: %1</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Сохранение графика</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Изображение PNG (*.png);;Рисунок SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Изменено другим пользователем</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>другой пользователь</translation>
    </message>
    <message>
        <source>Waybill %1 was changed by %2 at %3, after you opened it.</source>
        <translation>Накладную %1 изменил(а) %2 в %3, после того как вы её открыли.</translation>
    </message>
    <message>
        <source>Waybill %1 was changed by %2 while saving.</source>
        <translation>Накладную %1 изменил(а) %2 во время сохранения.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Ваше значение</translation>
    </message>
    <message>
        <source>Their value (saved)</source>
        <translation>Их значение (сохранено)</translation>
    </message>
    <message>
        <source>Their save has the same values as your form.</source>
        <translation>Сохранённые ими значения совпадают с вашей формой.</translation>
    </message>
    <message>
        <source>Reload shows their version and discards your edits. Overwrite saves your values over theirs.</source>
        <translation>«Загрузить их версию» покажет сохранённые ими данные и отменит ваши правки. «Перезаписать» сохранит ваши значения поверх их значений.</translation>
    </message>
    <message>
        <source>&amp;Reload theirs, discard mine</source>
        <translation>&amp;Загрузить их версию, отменить мои правки</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>&amp;Перезаписать моими</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Today</source>
        <extracomment>Late and stuck lists show at most this many rows (the tiles count them all). A border stop longer than this many days is &quot;stuck&quot; (DOMAIN.md: worth flagging). Days ahead for &quot;expected arrivals&quot;. Milliseconds to wait after a change before refreshing (bulk edits send several). Status → Okabe–Ito colour index for the tiles&apos; accent bars. Read in the first pass: status tiles, ageing tiles, late list, arrivals. Read in the second pass: stuck at the border, predictions, their accuracy. A figure was clicked: its Filter and a short label naming it. The user asked for a train&apos;s view (train number). The user asked for a shipment&apos;s history (shipment id). A refresh finished and the figures on screen are new. The first pass of a refresh is on screen (tiles, late list, arrivals).</extracomment>
        <translation>&amp;Сегодня</translation>
    </message>
    <message>
        <source>Late shipments (ETA passed, not arrived)</source>
        <translation>Опаздывающие отправки (ожидаемое прибытие прошло, не прибыли)</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>Накладная</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Поезд</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Груз</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Ожид. прибытие</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Дней опоздания</translation>
    </message>
    <message>
        <source>Last station</source>
        <translation>Последняя станция</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Последнее событие</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <source>Stuck at a border station more than %1 days</source>
        <translation>Стоят на погранпереходе дольше %1 дн.</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дней</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Стоит с</translation>
    </message>
    <message>
        <source>Expected arrivals in the next %1 days</source>
        <translation>Ожидаемые прибытия в ближайшие %1 дн.</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Станция назначения</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Отправок</translation>
    </message>
    <message>
        <source>Tonnes</source>
        <translation>Тонн</translation>
    </message>
    <message>
        <source>Predicted arrival vs supplier ETA (⚠ predicted late)</source>
        <translation>Прогноз прибытия и срок поставщика (⚠ прогноз опоздания)</translation>
    </message>
    <message>
        <source>Supplier ETA</source>
        <translation>Срок поставщика</translation>
    </message>
    <message>
        <source>80 % by</source>
        <translation>80 % к дате</translation>
    </message>
    <message>
        <source>Days over</source>
        <translation>Дней сверх</translation>
    </message>
    <message>
        <source>How good past predictions were</source>
        <translation>Точность прошлых прогнозов</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Median error (days)</source>
        <translation>Медианная ошибка (дней)</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>На дату:</translation>
    </message>
    <message>
        <source>Shipments and tonnes by status</source>
        <translation>Отправки и тонны по статусам</translation>
    </message>
    <message>
        <source>Late shipments by days late</source>
        <translation>Опаздывающие отправки по дням опоздания</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Обновлено в %1</translation>
    </message>
    <message>
        <source>Cannot read the figures: %1</source>
        <translation>Не удаётся прочитать данные: %1</translation>
    </message>
    <message>
        <source>%1–%2 days late</source>
        <translation>опоздание %1–%2 дн.</translation>
    </message>
    <message>
        <source>over %1 days late</source>
        <translation>опоздание более %1 дн.</translation>
    </message>
    <message>
        <source>All late</source>
        <translation>Все опаздывающие</translation>
    </message>
    <message>
        <source>At a border &gt; %1 days</source>
        <translation>На погранпереходе &gt; %1 дн.</translation>
    </message>
    <message>
        <source>longest: %1 days</source>
        <translation>дольше всех: %1 дн.</translation>
    </message>
    <message>
        <source>arriving at %1</source>
        <translation>прибывают на %1</translation>
    </message>
    <message>
        <source>Predicted arrival vs supplier ETA: made for today only</source>
        <translation>Прогноз прибытия и ожидаемое прибытие поставщика: только на сегодня</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s)</source>
        <translation>
            <numerusform>%Ln отправка</numerusform>
            <numerusform>%Ln отправки</numerusform>
            <numerusform>%Ln отправок</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in the &amp;workspace</source>
        <translation>Показать в &amp;рабочей таблице</translation>
    </message>
    <message>
        <source>Show the &amp;train</source>
        <translation>Показать &amp;поезд</translation>
    </message>
    <message>
        <source>Shipment &amp;history</source>
        <translation>&amp;История отправки</translation>
    </message>
</context>
<context>
    <name>DrillDown</name>
    <message>
        <source>From %1: %2</source>
        <translation>Из раздела «%1»: %2</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>сводка</translation>
    </message>
</context>
<context>
    <name>DrillDownChip</name>
    <message>
        <source>✕ Show all</source>
        <translation>✕ Показать все</translation>
    </message>
    <message>
        <source>Remove this filter and use the filter bar again</source>
        <translation>Снять этот фильтр и снова пользоваться панелью фильтров</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <source>check digit should be {expected}, not {got} (or another digit is mistyped)</source>
        <extracomment>Message code → translatable template (English source; ``{name}`` placeholders).</extracomment>
        <translation>контрольная цифра должна быть {expected}, а не {got} (или ошибка в другой цифре)</translation>
    </message>
    <message>
        <source>check digit should be {expected}, not {got} (or another character is mistyped)</source>
        <translation>контрольная цифра должна быть {expected}, а не {got} (или ошибка в другом знаке)</translation>
    </message>
    <message>
        <source>station code is required</source>
        <translation>нужен код станции</translation>
    </message>
    <message>
        <source>a 1520 station code has digits 0-9 only; {shown} is not allowed</source>
        <translation>код станции 1520 состоит только из цифр 0-9; {shown} недопустим</translation>
    </message>
    <message>
        <source>a 1520 station code has 6 digits (5 and a check digit), got 5; with its check digit {value} is {suggestion}</source>
        <translation>код станции 1520 состоит из 6 цифр (5 и контрольная), введено 5; с контрольной цифрой {value} — это {suggestion}</translation>
    </message>
    <message>
        <source>a 1520 station code has 6 digits, got {got}</source>
        <translation>код станции 1520 состоит из 6 цифр, введено: {got}</translation>
    </message>
    <message>
        <source>station code may contain only Latin letters A-Z and digits 0-9; {shown} is not allowed</source>
        <translation>код станции может содержать только латинские буквы A-Z и цифры 0-9; {shown} недопустим</translation>
    </message>
    <message>
        <source>station code is at most {max} characters, got {got}</source>
        <translation>код станции — не более {max} знаков, введено: {got}</translation>
    </message>
    <message>
        <source>wagon number is required</source>
        <translation>нужен номер вагона</translation>
    </message>
    <message>
        <source>a wagon number has digits 0-9 only; {shown} is not allowed</source>
        <translation>номер вагона состоит только из цифр 0-9; {shown} недопустим</translation>
    </message>
    <message>
        <source>a wagon number has 8 digits, got {got}</source>
        <translation>номер вагона состоит из 8 цифр, введено: {got}</translation>
    </message>
    <message>
        <source>container number is required</source>
        <translation>нужен номер контейнера</translation>
    </message>
    <message>
        <source>a container number has 11 characters (4 letters and 7 digits), got {got}</source>
        <translation>номер контейнера состоит из 11 знаков (4 буквы и 7 цифр), введено: {got}</translation>
    </message>
    <message>
        <source>the owner code (first 3 characters) must be Latin letters A-Z; {shown} is not allowed</source>
        <translation>код владельца (первые 3 знака) — только латинские буквы A-Z; {shown} недопустим</translation>
    </message>
    <message>
        <source>the category letter (4th character) must be U, J or Z, not {shown}</source>
        <translation>буква категории (4-й знак) должна быть U, J или Z, а не {shown}</translation>
    </message>
    <message>
        <source>the serial number (characters 5 to 10) must be digits 0-9; {shown} is not allowed</source>
        <translation>серийный номер (знаки с 5-го по 10-й) — только цифры 0-9; {shown} недопустим</translation>
    </message>
    <message>
        <source>the check digit (11th character) must be a digit 0-9, not {shown}</source>
        <translation>контрольная цифра (11-й знак) должна быть цифрой 0-9, а не {shown}</translation>
    </message>
    <message>
        <source>a unit is a wagon or a container, not &apos;{kind}&apos;</source>
        <translation>единица — это вагон или контейнер, а не «{kind}»</translation>
    </message>
    <message>
        <source>waybill number is required</source>
        <translation>нужен номер накладной</translation>
    </message>
    <message>
        <source>a waybill number must not contain spaces</source>
        <translation>номер накладной не должен содержать пробелов</translation>
    </message>
    <message>
        <source>a waybill number may contain only Latin letters, digits 0-9, &apos;-&apos; and &apos;/&apos;; {shown} is not allowed</source>
        <translation>номер накладной может содержать только латинские буквы, цифры 0-9, «-» и «/»; {shown} недопустим</translation>
    </message>
    <message>
        <source>a waybill number is at most {max} characters, got {got}</source>
        <translation>номер накладной — не более {max} знаков, введено: {got}</translation>
    </message>
    <message>
        <source>train number is required</source>
        <translation>нужен номер поезда</translation>
    </message>
    <message>
        <source>a train number may contain letters, digits, punctuation and spaces on one line; {shown} is not allowed</source>
        <translation>номер поезда может содержать буквы, цифры, знаки препинания и пробелы в одной строке; {shown} недопустим</translation>
    </message>
    <message>
        <source>a train number is at most {max} characters, got {got}</source>
        <translation>номер поезда — не более {max} знаков, введено: {got}</translation>
    </message>
    <message>
        <source>the shipment is already &apos;{status}&apos;</source>
        <translation>отправка уже в статусе «{status}»</translation>
    </message>
    <message>
        <source>a cancelled shipment cannot change status</source>
        <translation>у отменённой отправки нельзя изменить статус</translation>
    </message>
    <message>
        <source>a shipment that is &apos;{status}&apos; can no longer be cancelled</source>
        <translation>отправку в статусе «{status}» уже нельзя отменить</translation>
    </message>
    <message>
        <source>going back from &apos;{old}&apos; to &apos;{new}&apos; needs a note saying why</source>
        <translation>для возврата из «{old}» в «{new}» нужно примечание с причиной</translation>
    </message>
    <message>
        <source>cannot go back from &apos;{old}&apos; to &apos;{new}&apos;: only one step back is allowed</source>
        <translation>нельзя вернуться из «{old}» в «{new}»: назад можно только на один шаг</translation>
    </message>
    <message>
        <source>net weight must be more than 0 t</source>
        <translation>масса нетто должна быть больше 0 т</translation>
    </message>
    <message>
        <source>arrived weight must be more than 0 t, or empty</source>
        <translation>масса по прибытии должна быть больше 0 т или не указана</translation>
    </message>
    <message>
        <source>arrived weight must be more than 0 t</source>
        <translation>масса по прибытии должна быть больше 0 т</translation>
    </message>
    <message>
        <source>arrival {arrival} is before departure {departure}</source>
        <translation>прибытие {arrival} раньше отправления {departure}</translation>
    </message>
    <message>
        <source>wagon and container counts cannot be negative</source>
        <translation>число вагонов и контейнеров не может быть отрицательным</translation>
    </message>
    <message>
        <source>no {what} with id {id}</source>
        <translation>не найдено ({what}) с id {id}</translation>
    </message>
    <message>
        <source>waybill {waybill} already exists</source>
        <translation>накладная {waybill} уже есть</translation>
    </message>
    <message>
        <source>{number} is listed twice</source>
        <translation>{number} указан дважды</translation>
    </message>
    <message>
        <source>a unit&apos;s weight must be more than 0</source>
        <translation>масса единицы должна быть больше 0</translation>
    </message>
    <message>
        <source>waybill {waybill}: {detail}</source>
        <translation>накладная {waybill}: {detail}</translation>
    </message>
    <message>
        <source>say why the ETA changes</source>
        <translation>укажите причину изменения ожидаемого прибытия</translation>
    </message>
    <message>
        <source>waybill {waybill}: ETA {eta} is before departure {departure}</source>
        <translation>накладная {waybill}: ожидаемое прибытие {eta} раньше отправления {departure}</translation>
    </message>
    <message>
        <source>arrived weight differs from shipped by {difference} %, more than the {tolerance} % tolerance: record the reason</source>
        <translation>масса по прибытии отличается от отгруженной на {difference} %, больше допуска {tolerance} %: укажите причину</translation>
    </message>
    <message>
        <source>a counterparty needs a name</source>
        <translation>у контрагента должно быть наименование</translation>
    </message>
    <message>
        <source>role must be one of {allowed}, not &apos;{role}&apos;</source>
        <translation>роль должна быть одной из: {allowed}, а не «{role}»</translation>
    </message>
    <message>
        <source>role must be one of {allowed}</source>
        <translation>роль должна быть одной из: {allowed}</translation>
    </message>
    <message>
        <source>a counterparty called &apos;{name}&apos; exists</source>
        <translation>контрагент «{name}» уже есть</translation>
    </message>
    <message>
        <source>a station called &apos;{name}&apos; exists</source>
        <translation>станция «{name}» уже есть</translation>
    </message>
    <message>
        <source>a commodity called &apos;{name}&apos; exists</source>
        <translation>груз «{name}» уже есть</translation>
    </message>
    <message>
        <source>another station has the code {code}</source>
        <translation>код {code} уже у другой станции</translation>
    </message>
    <message>
        <source>contract {number} exists</source>
        <translation>договор {number} уже есть</translation>
    </message>
    <message>
        <source>a station&apos;s name is required</source>
        <translation>нужно название станции</translation>
    </message>
    <message>
        <source>the code system is required</source>
        <translation>нужна система кодов</translation>
    </message>
    <message>
        <source>the HS code is required</source>
        <translation>нужен код ТН ВЭД</translation>
    </message>
    <message>
        <source>a commodity&apos;s name is required</source>
        <translation>нужно наименование груза</translation>
    </message>
    <message>
        <source>a counterparty&apos;s name is required</source>
        <translation>нужно наименование контрагента</translation>
    </message>
    <message>
        <source>the contract number is required</source>
        <translation>нужен номер договора</translation>
    </message>
    <message>
        <source>country is two Latin letters (ISO 3166), not &apos;{country}&apos;</source>
        <translation>страна — две латинские буквы (ISO 3166), а не «{country}»</translation>
    </message>
    <message>
        <source>a UN/LOCODE has 5 Latin letters or digits</source>
        <translation>UN/LOCODE состоит из 5 латинских букв или цифр</translation>
    </message>
    <message>
        <source>an HS code has 4, 6, 8 or 10 digits</source>
        <translation>код ТН ВЭД состоит из 4, 6, 8 или 10 цифр</translation>
    </message>
    <message>
        <source>choose a supplier</source>
        <translation>выберите поставщика</translation>
    </message>
    <message>
        <source>choose a commodity</source>
        <translation>выберите груз</translation>
    </message>
    <message>
        <source>the quantity must be more than 0 t</source>
        <translation>количество должно быть больше 0 т</translation>
    </message>
    <message>
        <source>the contract&apos;s period needs both dates</source>
        <translation>для срока договора нужны обе даты</translation>
    </message>
    <message>
        <source>the period ends before it starts</source>
        <translation>срок заканчивается раньше, чем начинается</translation>
    </message>
    <message>
        <source>the price cannot be negative</source>
        <translation>цена не может быть отрицательной</translation>
    </message>
    <message>
        <source>a currency is three letters (ISO 4217)</source>
        <translation>валюта — три буквы (ISO 4217)</translation>
    </message>
    <message>
        <source>the tolerance is 0 to 100 %</source>
        <translation>допуск — от 0 до 100 %</translation>
    </message>
    <message>
        <source>the {what} is used by {count} shipments</source>
        <translation>{what}: используется в отправках ({count})</translation>
    </message>
    <message>
        <source>the {what} is used by {count} contracts</source>
        <translation>{what}: используется в договорах ({count})</translation>
    </message>
    <message>
        <source>this day does not exist; expected a date such as 2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日</source>
        <translation>такого дня нет; нужна дата вида 2025-01-05, 05.01.2025, 2025/1/5 или 2025年1月5日</translation>
    </message>
    <message>
        <source>not a date; expected a date such as 2025-01-05, 05.01.2025, 2025/1/5 or 2025年1月5日</source>
        <translation>это не дата; нужна дата вида 2025-01-05, 05.01.2025, 2025/1/5 или 2025年1月5日</translation>
    </message>
    <message>
        <source>not a status; allowed: {allowed} (or their Chinese or Russian names)</source>
        <translation>это не статус; допустимы: {allowed} (или их китайские и русские названия)</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>это не число</translation>
    </message>
    <message>
        <source>the net weight must be more than 0 t</source>
        <translation>масса нетто должна быть больше 0 т</translation>
    </message>
    <message>
        <source>over {max} t is not one consignment; check the unit (t)</source>
        <translation>больше {max} т — это не одна отправка; проверьте единицы (т)</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 10,000</source>
        <translation>нужно целое число от 0 до 10 000</translation>
    </message>
    <message>
        <source>more than one {what} has this name; use its code</source>
        <translation>это название у нескольких записей ({what}); укажите код</translation>
    </message>
    <message>
        <source>unknown {what}; did you mean {suggestions}?</source>
        <translation>не найдено в справочнике ({what}); может быть, {suggestions}?</translation>
    </message>
    <message>
        <source>unknown {what}; use a code or a name from the reference data</source>
        <translation>не найдено в справочнике ({what}); укажите код или название из справочника</translation>
    </message>
    <message>
        <source>a counterparty name is at most {max} characters</source>
        <translation>наименование контрагента — не более {max} знаков</translation>
    </message>
    <message>
        <source>this column is required; the cell is empty</source>
        <translation>этот столбец обязателен; ячейка пуста</translation>
    </message>
    <message>
        <source>this waybill is already on row {first}; a waybill is one shipment</source>
        <translation>эта накладная уже есть в строке {first}; одна накладная — одна отправка</translation>
    </message>
    <message>
        <source>{errors}</source>
        <translation>{errors}</translation>
    </message>
    <message>
        <source>{kind} {number}: {detail}</source>
        <translation>{kind} {number}: {detail}</translation>
    </message>
    <message>
        <source>{kind} {number} is listed twice</source>
        <translation>{kind} {number} указан дважды</translation>
    </message>
    <message>
        <source>the column&apos;s decimal mark cannot be told: write 1313 or 1313.0 or 1,313.0 (thousands) or 1,3 (decimal comma) so the whole column is clear</source>
        <translation>непонятен десятичный разделитель столбца: пишите 1313, 1313.0, 1,313.0 (тысячи) или 1,3 (десятичная запятая), чтобы весь столбец читался однозначно</translation>
    </message>
    <message>
        <source>the column&apos;s dates could be day/month or month/day and none tells: write 2025-01-05 or 05.01.2025</source>
        <translation>даты столбца могут быть и день/месяц, и месяц/день, и ни одна не подсказывает: пишите 2025-01-05 или 05.01.2025</translation>
    </message>
    <message>
        <source>a shipment that is &apos;{status}&apos; has departed: the departure date is required</source>
        <translation>отправка в статусе «{status}» уже отправлена: нужна дата отправления</translation>
    </message>
    <message>
        <source>the arrival is before the departure ({departure})</source>
        <translation>прибытие раньше отправления ({departure})</translation>
    </message>
    <message>
        <source>the ETA is before the departure ({departure})</source>
        <translation>ожидаемое прибытие раньше отправления ({departure})</translation>
    </message>
    <message>
        <source>required columns are missing: {columns}</source>
        <translation>нет обязательных столбцов: {columns}</translation>
    </message>
    <message>
        <source>two columns feed this field; keep one</source>
        <translation>в это поле попадают два столбца; оставьте один</translation>
    </message>
    <message>
        <source>the file has a header row but no shipments</source>
        <translation>в файле есть строка заголовков, но нет отправок</translation>
    </message>
    <message>
        <source>this waybill already exists (--insert-only refuses updates)</source>
        <translation>эта накладная уже есть (--insert-only не допускает обновлений)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>this is not a CSV, XLSX, XLS or ODS file (it looks like binary data)</source>
        <translation>это не файл CSV, XLSX, XLS или ODS (похоже на двоичные данные)</translation>
    </message>
    <message>
        <source>the file is in no encoding Railgrain reads (UTF-8/16, GB18030, Windows-1251, KZ-1048)</source>
        <translation>файл не в кодировке, которую читает Railgrain (UTF-8/16, GB18030, Windows-1251, KZ-1048)</translation>
    </message>
    <message>
        <source>this is not a readable XLSX, XLS or ODS workbook: {reason}</source>
        <translation>не удаётся прочитать книгу XLSX, XLS или ODS: {reason}</translation>
    </message>
    <message>
        <source>the file cannot be read as {encoding}: {reason}</source>
        <translation>файл не читается как {encoding}: {reason}</translation>
    </message>
    <message>
        <source>the file is not valid CSV: {reason}</source>
        <translation>файл не является корректным CSV: {reason}</translation>
    </message>
    <message>
        <source>the workbook has no sheets</source>
        <translation>в книге нет листов</translation>
    </message>
    <message>
        <source>shipment {id} does not exist (it may have been deleted)</source>
        <translation>отправки {id} нет (возможно, её удалили)</translation>
    </message>
    <message>
        <source>waybill {what} was changed by {who} at {when} after you opened it; reload it, or overwrite their change knowingly</source>
        <translation>накладную {what} изменил(а) {who} в {when}, после того как вы её открыли; загрузите её заново или сознательно перезапишите чужое изменение</translation>
    </message>
    <message>
        <source>the shipment was changed by someone else while saving; reload it</source>
        <translation>пока шло сохранение, отправку изменил кто-то другой; загрузите её заново</translation>
    </message>
    <message>
        <source>no shipment is on train {train_no}</source>
        <translation>в поезде {train_no} нет отправок</translation>
    </message>
    <message>
        <source>no train &apos;{train_no}&apos;</source>
        <translation>поезда «{train_no}» нет</translation>
    </message>
    <message>
        <source>no {what} has the code or name &apos;{text}&apos;</source>
        <translation>нет записи ({what}) с кодом или названием «{text}»</translation>
    </message>
    <message>
        <source>more than one {what} has the code or name &apos;{text}&apos;</source>
        <translation>код или название «{text}» у нескольких записей ({what})</translation>
    </message>
    <message>
        <source>this {what} no longer exists</source>
        <translation>этой записи ({what}) больше нет</translation>
    </message>
    <message>
        <source>the period ends ({last}) before it starts ({first})</source>
        <translation>период заканчивается ({last}) раньше, чем начинается ({first})</translation>
    </message>
    <message>
        <source>not a database URL Railgrain understands: {url}</source>
        <translation>Railgrain не понимает этот URL базы данных: {url}</translation>
    </message>
    <message>
        <source>the database is read-only: you may not change data in it</source>
        <translation>база данных только для чтения: изменять в ней данные нельзя</translation>
    </message>
    <message>
        <source>you may not change data in this database: your database role may only read</source>
        <translation>изменять данные в этой базе нельзя: ваша роль в базе данных допускает только чтение</translation>
    </message>
    <message>
        <source>the database file is damaged or not a database: {reason}</source>
        <translation>файл базы данных повреждён или не является базой данных: {reason}</translation>
    </message>
    <message>
        <source>the database is busy: another user or window kept it locked for more than {seconds} s; try again</source>
        <translation>база данных занята: другой пользователь или окно блокирует её дольше {seconds} с; повторите попытку</translation>
    </message>
    <message>
        <source>the disk is full: nothing was saved</source>
        <translation>диск заполнен: ничего не сохранено</translation>
    </message>
    <message>
        <source>the database file cannot be opened (check the path and its permissions)</source>
        <translation>файл базы данных не открывается (проверьте путь и права доступа)</translation>
    </message>
    <message>
        <source>this file is not a Railgrain database</source>
        <translation>этот файл не является базой данных Railgrain</translation>
    </message>
    <message>
        <source>cannot connect to the database server: {reason}</source>
        <translation>не удаётся подключиться к серверу базы данных: {reason}</translation>
    </message>
    <message>
        <source>database error: {reason}</source>
        <translation>ошибка базы данных: {reason}</translation>
    </message>
    <message>
        <source>no database at {path}</source>
        <translation>базы данных по пути {path} нет</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database (not a SQLite file)</source>
        <translation>{path} — не база данных Railgrain (не файл SQLite)</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database</source>
        <translation>{path} — не база данных Railgrain</translation>
    </message>
    <message>
        <source>{path} was written by a newer Railgrain (schema {revision}); update Railgrain to open it</source>
        <translation>{path} записан более новой версией Railgrain (схема {revision}); обновите Railgrain, чтобы открыть его</translation>
    </message>
    <message>
        <source>{path} needs a schema upgrade; open it writable first</source>
        <translation>{path} требует обновления схемы; сначала откройте его с правом записи</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} — папка, а не файл базы данных</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>{path} не читается: {reason}</translation>
    </message>
    <message>
        <source>{path} is empty, not a Railgrain database</source>
        <translation>{path} пуст, это не база данных Railgrain</translation>
    </message>
    <message>
        <source>cannot watch {path} for changes: {reason}</source>
        <translation>не удаётся следить за изменениями {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name (nothing was changed)</source>
        <translation>{path} уже существует; выберите новое имя файла (ничего не изменено)</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name</source>
        <translation>{path} уже существует; выберите новое имя файла</translation>
    </message>
    <message>
        <source>the folder {path} does not exist</source>
        <translation>папки {path} не существует</translation>
    </message>
    <message>
        <source>the backup to {path} failed: {reason} (nothing was written)</source>
        <translation>резервное копирование в {path} не удалось: {reason} (ничего не записано)</translation>
    </message>
    <message>
        <source>the copy of {path} failed: {reason} (nothing was written)</source>
        <translation>копирование {path} не удалось: {reason} (ничего не записано)</translation>
    </message>
    <message>
        <source>the copy fails its integrity check ({reason}): {path} itself is damaged; run `check` on it (no backup was written)</source>
        <translation>копия не прошла проверку целостности ({reason}): повреждён сам {path}; запустите для него `check` (резервная копия не записана)</translation>
    </message>
    <message>
        <source>the copy cannot be read back ({reason}): {path} itself is damaged; run `check` on it (no backup was written)</source>
        <translation>копию не удаётся прочитать ({reason}): повреждён сам {path}; запустите для него `check` (резервная копия не записана)</translation>
    </message>
    <message>
        <source>a PostgreSQL database is backed up with the server&apos;s own tools: install pg_dump (Debian: apt-get install postgresql-client) and run this again, or ask the database administrator</source>
        <translation>база PostgreSQL копируется средствами самого сервера: установите pg_dump (Debian: apt-get install postgresql-client) и повторите, или обратитесь к администратору базы данных</translation>
    </message>
    <message>
        <source>{path} has no schema to back up (check its search_path)</source>
        <translation>в {path} нет схемы для резервного копирования (проверьте search_path)</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}</source>
        <translation>{tool} завершился с ошибкой: {reason}</translation>
    </message>
    <message>
        <source>the automatic backup folder {path} cannot be created: {reason}</source>
        <translation>не удаётся создать папку автоматических резервных копий {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is a PostgreSQL database: restore a pg_dump backup with pg_restore --clean --single-transaction, or ask the database administrator (nothing was changed)</source>
        <translation>{path} — база PostgreSQL: восстановите копию pg_dump командой pg_restore --clean --single-transaction или обратитесь к администратору базы данных (ничего не изменено)</translation>
    </message>
    <message>
        <source>{path} is the database itself; choose a backup file</source>
        <translation>{path} — это сама база данных; выберите файл резервной копии</translation>
    </message>
    <message>
        <source>the folder {path} does not exist (nothing was changed)</source>
        <translation>папки {path} не существует (ничего не изменено)</translation>
    </message>
    <message>
        <source>{path} cannot be read as a database ({reason}); nothing was changed</source>
        <translation>{path} не читается как база данных ({reason}); ничего не изменено</translation>
    </message>
    <message>
        <source>cannot write next to {path}: {reason} (nothing was changed)</source>
        <translation>не удаётся записать рядом с {path}: {reason} (ничего не изменено)</translation>
    </message>
    <message>
        <source>{path} appeared meanwhile; nothing was restored</source>
        <translation>тем временем появился {path}; ничего не восстановлено</translation>
    </message>
    <message>
        <source>cannot write to {path}: {reason}</source>
        <translation>нельзя записать в {path}: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>нельзя записать {path}: {reason}</translation>
    </message>
    <message>
        <source>shipments in the file were changed by someone else during the import; import the file again</source>
        <translation>во время импорта отправки из файла изменил кто-то другой; импортируйте файл ещё раз</translation>
    </message>
    <message>
        <source>the restore into {path} failed: {reason}; the database is as it was</source>
        <translation>восстановление в {path} не удалось: {reason}; база данных осталась прежней</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database; it is not replaced (choose another --db)</source>
        <translation>{path} — не база данных Railgrain; она не заменяется (выберите другой --db)</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); nothing was changed</source>
        <translation>{path} повреждён ({reason}); ничего не изменено</translation>
    </message>
    <message>
        <source>{path} is not a Railgrain database; nothing was changed</source>
        <translation>{path} — не база данных Railgrain; ничего не изменено</translation>
    </message>
    <message>
        <source>{path} was written by a newer Railgrain (schema {revision}); update Railgrain to restore it (nothing was changed)</source>
        <translation>{path} записан более новой версией Railgrain (схема {revision}); обновите Railgrain, чтобы восстановить его (ничего не изменено)</translation>
    </message>
    <message>
        <source>{path} is busy: another window or user is writing; try again (nothing was restored)</source>
        <translation>{path} занят: пишет другое окно или пользователь; повторите попытку (ничего не восстановлено)</translation>
    </message>
    <message>
        <source>{path} is read-only: it cannot be replaced (nothing was restored)</source>
        <translation>{path} только для чтения: его нельзя заменить (ничего не восстановлено)</translation>
    </message>
    <message>
        <source>the disk is full: nothing was restored</source>
        <translation>диск заполнен: ничего не восстановлено</translation>
    </message>
    <message>
        <source>the restore failed: {reason}; nothing was restored</source>
        <translation>восстановление не удалось: {reason}; ничего не восстановлено</translation>
    </message>
    <message>
        <source>the number of demo shipments must be 0 or more</source>
        <translation>число демонстрационных отправок должно быть 0 или больше</translation>
    </message>
    <message>
        <source>demo data starts in December 2020: &apos;today&apos; must be in 2021 or later</source>
        <translation>демо-данные начинаются с декабря 2020 года: «сегодня» должно быть в 2021 году или позже</translation>
    </message>
    <message>
        <source>{path} already holds {shipments} shipments; demo data goes into a new database</source>
        <translation>в {path} уже есть отправки ({shipments}); демо-данные записываются в новую базу данных</translation>
    </message>
    <message>
        <source>the demo needs the reference stations and goods of a new database; missing: {names}</source>
        <translation>для демо нужны справочные станции и грузы новой базы данных; не хватает: {names}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>не удаётся прочитать {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} already holds {shipments} shipments; demo data goes into a new database: choose another --db (nothing was changed)</source>
        <translation>в {path} уже есть отправки ({shipments}); демо-данные записываются в новую базу данных: выберите другой --db (ничего не изменено)</translation>
    </message>
    <message>
        <source>check failed: {reason}</source>
        <translation>проверка не пройдена: {reason}</translation>
    </message>
    <message>
        <source>restoring replaces {path}: add --yes to confirm when not at a terminal (nothing was changed)</source>
        <translation>восстановление заменит {path}: вне терминала добавьте --yes для подтверждения (ничего не изменено)</translation>
    </message>
    <message>
        <source>the database is neither a file path nor a URL such as postgresql+psycopg://user@host/dbname</source>
        <translation>база данных — не путь к файлу и не URL вида postgresql+psycopg://user@host/dbname</translation>
    </message>
    <message>
        <source>Railgrain works with SQLite files and PostgreSQL, not {backend}</source>
        <translation>Railgrain работает с файлами SQLite и PostgreSQL, а не с {backend}</translation>
    </message>
    <message>
        <source>station</source>
        <extracomment>The kinds of record a ``what`` or ``kind`` parameter names.</extracomment>
        <translation>станция</translation>
    </message>
    <message>
        <source>commodity</source>
        <translation>груз</translation>
    </message>
    <message>
        <source>counterparty</source>
        <translation>контрагент</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>договор</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>поставщик</translation>
    </message>
    <message>
        <source>consignee</source>
        <translation>грузополучатель</translation>
    </message>
    <message>
        <source>origin station</source>
        <translation>станция отправления</translation>
    </message>
    <message>
        <source>border station</source>
        <translation>пограничная станция</translation>
    </message>
    <message>
        <source>destination station</source>
        <translation>станция назначения</translation>
    </message>
    <message>
        <source>wagon</source>
        <translation>вагон</translation>
    </message>
    <message>
        <source>container</source>
        <translation>контейнер</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Parameters that hold a status value.</extracomment>
        <translation>; </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>и ещё %1</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>строка %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>столбец %1</translation>
    </message>
    <message>
        <source>value &apos;%1&apos;</source>
        <translation>значение «%1»</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>There is a problem with the database:</source>
        <translation>Проблема с базой данных:</translation>
    </message>
    <message>
        <source>Not found:</source>
        <translation>Не найдено:</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime:</source>
        <translation>Тем временем это изменил другой пользователь:</translation>
    </message>
    <message>
        <source>This value is not accepted:</source>
        <translation>Это значение недопустимо:</translation>
    </message>
    <message>
        <source>This cannot be done:</source>
        <translation>Это действие невозможно:</translation>
    </message>
    <message>
        <source>Railgrain</source>
        <translation>Railgrain</translation>
    </message>
    <message>
        <source>Railgrain — unexpected error</source>
        <translation>Railgrain — непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Railgrain ran into an unexpected error (a bug). Your saved data is safe.</source>
        <translation>В Railgrain произошла непредвиденная ошибка (сбой программы). Сохранённые данные не пострадали.</translation>
    </message>
    <message>
        <source>Please report it with the details below.</source>
        <translation>Сообщите о ней, приложив подробности ниже.</translation>
    </message>
    <message>
        <source>Please report it with the details below (also written to %1).</source>
        <translation>Сообщите о ней, приложив подробности ниже (они также записаны в %1).</translation>
    </message>
</context>
<context>
    <name>EtaDialog</name>
    <message>
        <source>Revise ETA</source>
        <translation>Изменить ожидаемое прибытие</translation>
    </message>
    <message>
        <source>e.g. queue at Dostyk, wagon change</source>
        <translation>например, очередь на Достыке, перегрузка в другие вагоны</translation>
    </message>
    <message numerus="yes">
        <source>New ETA of %n shipment(s)</source>
        <translation>
            <numerusform>Новое ожидаемое прибытие %n отправки</numerusform>
            <numerusform>Новое ожидаемое прибытие %n отправок</numerusform>
            <numerusform>Новое ожидаемое прибытие %n отправок</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;ETA:</source>
        <translation>&amp;Ожидаемое прибытие:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
</context>
<context>
    <name>FigureTable</name>
    <message>
        <source>Double-click or Enter: show in the workspace</source>
        <extracomment>Columns whose text is right-aligned (numbers). A row to flag (e.g. predicted late), shown with a ⚠ marker in the first cell.</extracomment>
        <translation>Двойной щелчок или Enter: показать в рабочей таблице</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>Click to see these shipments in the workspace</source>
        <extracomment>Item data role holding a row&apos;s ``Cell`` list owner (its Filter and label). Item data role holding the shipment id of a row (train and history views). Item data role holding the train number of a row. The tile was clicked: its filter and a short label for the workspace chip.</extracomment>
        <translation>Щёлкните, чтобы увидеть эти отправки в рабочей таблице</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search by waybill, train, wagon or container number, or notes…</source>
        <extracomment>A date edit at this date shows blank and means &quot;no limit&quot;. Filter ids for a reference text that matched nothing: no row has them. Filled in when the reference lists arrive (see ``FilterBar._take_references``). The filter changed (after a pause in typing); read it with :meth:`current_filter`. Milliseconds of no typing before the filter runs (each change is a database query).</extracomment>
        <translation>Поиск по накладной, поезду, номеру вагона или контейнера, примечаниям…</translation>
    </message>
    <message>
        <source>&amp;Late only</source>
        <translation>Только опа&amp;здывающие</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Сбросить фильтр</translation>
    </message>
    <message>
        <source>Commodity</source>
        <extracomment>Whether the reference lists are in (names to match, completions to offer).</extracomment>
        <translation>Груз</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>Грузополучатель</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <source>Via border</source>
        <translation>Через погранпереход</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>A code or any name (Latin, local, Chinese or Russian)</source>
        <translation>Код или любое название (латиницей, местное, китайское или русское)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Прибыло</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>%1 statuses</source>
        <translation>Статусов: %1</translation>
    </message>
</context>
<context>
    <name>FormActions</name>
    <message>
        <source>&amp;New shipment…</source>
        <translation>&amp;Новая отправка…</translation>
    </message>
    <message>
        <source>&amp;Edit shipment…</source>
        <translation>&amp;Изменить отправку…</translation>
    </message>
    <message>
        <source>&amp;Duplicate shipment…</source>
        <translation>&amp;Дублировать отправку…</translation>
    </message>
    <message>
        <source>Edit the selected shipment (Enter or double-click)</source>
        <translation>Изменить выбранную отправку (Enter или двойной щелчок)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Спр&amp;авочники</translation>
    </message>
    <message>
        <source>&amp;Stations…</source>
        <translation>&amp;Станции…</translation>
    </message>
    <message>
        <source>&amp;Goods…</source>
        <translation>&amp;Грузы…</translation>
    </message>
    <message>
        <source>&amp;Counterparties…</source>
        <translation>&amp;Контрагенты…</translation>
    </message>
    <message>
        <source>C&amp;ontracts…</source>
        <translation>&amp;Договоры…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n вагон или контейнер</numerusform>
            <numerusform>%n вагона или контейнера</numerusform>
            <numerusform>%n вагонов или контейнеров</numerusform>
        </translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>История %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · train %2 · %3 · %4 → %5 · now: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · поезд %2 · %3 · %4 → %5 · сейчас: %6</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;События</translation>
    </message>
    <message>
        <source>ETA &amp;revisions</source>
        <translation>&amp;Изменения ожидаемого прибытия</translation>
    </message>
    <message>
        <source>&amp;Weight changes</source>
        <translation>Изменения &amp;веса</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>&amp;Журнал изменений</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Стало</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Comma</source>
        <extracomment>Rows shown in the preview (all problem rows are shown too).</extracomment>
        <translation>Запятая</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Точка с запятой</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <source>Row</source>
        <extracomment>Preview columns: (value key, header). Headers are translated at display time.</extracomment>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>Накладная</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Поезд</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Груз</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Станция отправления</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Станция назначения</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Net weight</source>
        <translation>Вес нетто</translation>
    </message>
    <message>
        <source>Import shipments — %1</source>
        <extracomment>Preview keys → the file&apos;s canonical column they come from. Emitted with the import&apos;s Summary after everything was written. Emitted when a (re)reading of the data has finished, readable or not.</extracomment>
        <translation>Импорт отправок — %1</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Определить</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Разделитель:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Чтение…</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Не удаётся прочитать файл.</translation>
    </message>
    <message>
        <source>Will insert %1, update %2, leave %3 unchanged.</source>
        <translation>Будет добавлено: %1, обновлено: %2, без изменений: %3.</translation>
    </message>
    <message>
        <source>Nothing can be imported until every problem is fixed.</source>
        <translation>Импорт невозможен, пока не исправлены все ошибки.</translation>
    </message>
    <message>
        <source>Read as a workbook (%1), sheet “%2”.</source>
        <translation>Прочитано как книга (%1), лист «%2».</translation>
    </message>
    <message>
        <source>Read as %1, separated by: %2.</source>
        <translation>Прочитано в кодировке %1, разделитель: %2.</translation>
    </message>
    <message>
        <source>The encoding was assumed: it is the one under which the names match the database best. Change it above if the text looks wrong.</source>
        <translation>Кодировка выбрана предположительно: при ней названия лучше всего совпадают с базой данных. Если текст выглядит неправильно, выберите другую выше.</translation>
    </message>
    <message>
        <source>The header is row %1; the rows above it are left out.</source>
        <translation>Заголовок — строка %1; строки выше него пропущены.</translation>
    </message>
    <message>
        <source>Totals rows left out: %1.</source>
        <translation>Пропущены строки итогов: %1.</translation>
    </message>
    <message>
        <source>Ignored columns: %1.</source>
        <translation>Пропущенные столбцы: %1.</translation>
    </message>
    <message>
        <source>New counterparties: %1.</source>
        <translation>Новые контрагенты: %1.</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(пропустить)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <source>update</source>
        <translation>обновление</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>и ещё %1</translation>
    </message>
    <message>
        <source>Importing shipments…</source>
        <translation>Импорт отправок…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Отменено: ничего не импортировано.</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>Импорт отклонён</translation>
    </message>
</context>
<context>
    <name>ImportExportActions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Paste shipments</source>
        <translation>&amp;Вставить отправки</translation>
    </message>
    <message>
        <source>Import shipments</source>
        <translation>Импорт отправок</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.xls *.ods *.txt *.tsv);;All files (*)</source>
        <translation>Таблицы (*.csv *.xlsx *.xls *.ods *.txt *.tsv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>буфер обмена</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>Импортировано: новых %1, обновлено %2, без изменений %3</translation>
    </message>
    <message>
        <source>Export shipments</source>
        <translation>Экспорт отправок</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting shipments…</source>
        <translation>Экспорт отправок…</translation>
    </message>
    <message>
        <source>Exported %1 shipments to %2</source>
        <translation>Экспортировано отправок: %1, файл %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Waybill</source>
        <extracomment>What each field of a file is, for the column choices (shown with its canonical name).</extracomment>
        <translation>Накладная</translation>
    </message>
    <message>
        <source>Train number</source>
        <translation>Номер поезда</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Груз</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>Грузополучатель</translation>
    </message>
    <message>
        <source>Origin station</source>
        <translation>Станция отправления</translation>
    </message>
    <message>
        <source>Border station</source>
        <translation>Пограничная станция</translation>
    </message>
    <message>
        <source>Destination station</source>
        <translation>Станция назначения</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>Дата отправления</translation>
    </message>
    <message>
        <source>Expected arrival</source>
        <translation>Ожидаемое прибытие</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Дата прибытия</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Net weight</source>
        <translation>Вес нетто</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>Вагонов</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеров</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Wagon and container numbers</source>
        <translation>Номера вагонов и контейнеров</translation>
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
        <translation>Каждое изменение сразу сохраняется в базе данных.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <extracomment>New / Edit / Duplicate shipment and the Data menu (reference editors). Shows what other users, windows and processes save (then emits ``data_changed``).</extracomment>
        <translation>Сохранено в %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <extracomment>File → Backup… / Restore… and the daily automatic backup (started by ui.app).</extracomment>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Late only</source>
        <translation>Только опа&amp;здывающие</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Clear filter</source>
        <translation>&amp;Сбросить фильтр</translation>
    </message>
    <message>
        <source>Saved &amp;views</source>
        <translation>Сохранённые &amp;виды</translation>
    </message>
    <message>
        <source>C&amp;olumns</source>
        <translation>Сто&amp;лбцы</translation>
    </message>
    <message>
        <source>&amp;Shipments</source>
        <translation>&amp;Отправки</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>&amp;Печать отчёта…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>С&amp;правка</translation>
    </message>
    <message>
        <source>&amp;About Railgrain</source>
        <translation>&amp;О программе Railgrain</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
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
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>&amp;Сохранить текущий вид…</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>&amp;Удалить вид</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Сохранить вид</translation>
    </message>
    <message>
        <source>Name of this view (filter, sort and columns):</source>
        <translation>Название вида (фильтр, сортировка и столбцы):</translation>
    </message>
    <message>
        <source>About Railgrain</source>
        <translation>О программе Railgrain</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Railgrain&lt;/h3&gt;&lt;p&gt;Tracks grain trains from Kazakhstan to north-west China: shipments, wagons and containers, border delays and arrivals.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Railgrain&lt;/h3&gt;&lt;p&gt;Учёт зерновых поездов из Казахстана в Северо-Западный Китай: отправки, вагоны и контейнеры, простои на погранпереходах и прибытие.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PageTabs</name>
    <message>
        <source>Dashboard</source>
        <extracomment>Page keys in tab order (stored in the settings as the last page shown). The dashboard and charts once built (see the module docstring). The window&apos;s data_changed, connected to each lazy page as it is built.</extracomment>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Отправки</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <extracomment>Ctrl+1/2/3: the pages.</extracomment>
        <translation>&amp;Сводка</translation>
    </message>
    <message>
        <source>S&amp;hipments</source>
        <translation>Отп&amp;равки</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>&amp;Графики</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Show the &amp;train…</source>
        <translation>Показать &amp;поезд…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Shipment &amp;history…</source>
        <translation>&amp;История отправки…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>train view</source>
        <translation>поезд</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>сводка</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>график</translation>
    </message>
</context>
<context>
    <name>ReferenceColumns</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>Местное название</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Китайское</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>Код ТН ВЭД</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русское</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Quantity, t</source>
        <translation>Количество, т</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <source>Stations</source>
        <translation>Станции</translation>
    </message>
    <message>
        <source>&amp;Name (Latin):</source>
        <translation>&amp;Название (латиницей):</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>Code s&amp;ystem:</source>
        <translation>С&amp;истема кодов:</translation>
    </message>
    <message>
        <source>&amp;Local name:</source>
        <translation>&amp;Местное название:</translation>
    </message>
    <message>
        <source>C&amp;hinese name:</source>
        <translation>К&amp;итайское название:</translation>
    </message>
    <message>
        <source>&amp;Russian name:</source>
        <translation>&amp;Русское название:</translation>
    </message>
    <message>
        <source>Co&amp;untry (ISO):</source>
        <translation>Ст&amp;рана (ISO):</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>Р&amp;оль:</translation>
    </message>
    <message>
        <source>UN/LO&amp;CODE:</source>
        <translation>UN/LO&amp;CODE:</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Грузы</translation>
    </message>
    <message>
        <source>&amp;HS code:</source>
        <translation>Код &amp;ТН ВЭД:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Контрагенты</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Договоры</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <source>&amp;Supplier:</source>
        <translation>&amp;Поставщик:</translation>
    </message>
    <message>
        <source>&amp;Goods:</source>
        <translation>&amp;Груз:</translation>
    </message>
    <message>
        <source>&amp;Quantity, t:</source>
        <translation>&amp;Количество, т:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>П&amp;о:</translation>
    </message>
    <message>
        <source>&amp;Price per t:</source>
        <translation>&amp;Цена за т:</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Валюта:</translation>
    </message>
    <message>
        <source>T&amp;olerance, %:</source>
        <translation>&amp;Допуск, %:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <extracomment>A row was saved or deleted (views showing names refresh).</extracomment>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete this entry? This cannot be undone.</source>
        <translation>Удалить эту запись? Это действие нельзя отменить.</translation>
    </message>
    <message numerus="yes">
        <source>Not deleted: it is used by %n contract(s).</source>
        <translation>
            <numerusform>Не удалено: используется в %n договоре.</numerusform>
            <numerusform>Не удалено: используется в %n договорах.</numerusform>
            <numerusform>Не удалено: используется в %n договорах.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not deleted: it is used by %n shipment(s).</source>
        <translation>
            <numerusform>Не удалено: используется в %n отправке.</numerusform>
            <numerusform>Не удалено: используется в %n отправках.</numerusform>
            <numerusform>Не удалено: используется в %n отправках.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Удалено.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>ReferencePicker</name>
    <message>
        <source>More than one entry has this name; pick one from the list.</source>
        <extracomment>The role the completer matches on and inserts: one alias of the row. The resolved id changed (None: blank, unknown or ambiguous text).</extracomment>
        <translation>Это название есть у нескольких записей; выберите одну из списка.</translation>
    </message>
    <message>
        <source>Not in the list; type a name or code and pick from the list.</source>
        <translation>Нет в списке; введите название или код и выберите из списка.</translation>
    </message>
</context>
<context>
    <name>ReferenceValues</name>
    <message>
        <source>origin</source>
        <extracomment>Stored role and code-system values, marked for translation where shown.</extracomment>
        <translation>станция отправления</translation>
    </message>
    <message>
        <source>border</source>
        <translation>пограничная станция</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>станция назначения</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другая</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>поставщик</translation>
    </message>
    <message>
        <source>consignee</source>
        <translation>грузополучатель</translation>
    </message>
    <message>
        <source>forwarder</source>
        <translation>экспедитор</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Print report</source>
        <translation>Печать отчёта</translation>
    </message>
    <message>
        <source>Period summary</source>
        <extracomment>The last report made (for tests and for printing again without collecting again).</extracomment>
        <translation>Сводка за период</translation>
    </message>
    <message>
        <source>Train arrival sheet</source>
        <translation>Лист прибытия поезда</translation>
    </message>
    <message>
        <source>train number</source>
        <translation>номер поезда</translation>
    </message>
    <message>
        <source>printed at the top of every page</source>
        <translation>печатается вверху каждой страницы</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Отчёт:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Период:</translation>
    </message>
    <message>
        <source>&amp;Train:</source>
        <translation>П&amp;оезд:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>&amp;Бумага:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>Пр&amp;едпросмотр…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Прошлый год</translation>
    </message>
    <message>
        <source>Enter the train number.</source>
        <translation>Введите номер поезда.</translation>
    </message>
    <message>
        <source>Collecting the train&apos;s consignments…</source>
        <translation>Сбор отправок поезда…</translation>
    </message>
    <message>
        <source>Collecting the figures…</source>
        <translation>Сбор данных…</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Сохранение отчёта в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The new language takes effect the next time Railgrain starts. It also sets how numbers, tonnes and dates are written, and the names of stations and goods.</source>
        <translation>Новый язык вступит в силу при следующем запуске Railgrain. От него зависят также запись чисел, тонн и дат и названия станций и грузов.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
</context>
<context>
    <name>ShipmentActions</name>
    <message>
        <source>&amp;Edit cell</source>
        <extracomment>Told what changed after every change, undo and redo, so views refresh. More rows than this are not copied: the clipboard would hold hundreds of megabytes. A whole train is loaded in one page of at most this many shipments.</extracomment>
        <translation>&amp;Изменить ячейку</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>Изменить &amp;статус…</translation>
    </message>
    <message>
        <source>Change status of the whole &amp;train…</source>
        <translation>Изменить статус всего &amp;поезда…</translation>
    </message>
    <message>
        <source>Revise &amp;ETA…</source>
        <translation>Изменить &amp;ожидаемое прибытие…</translation>
    </message>
    <message>
        <source>Revise ETA of the whole t&amp;rain…</source>
        <translation>Изменить ожидаемое прибытие всего по&amp;езда…</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Копировать строки</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>&amp;Next shipment</source>
        <translation>&amp;Следующая отправка</translation>
    </message>
    <message>
        <source>&amp;Previous shipment</source>
        <translation>П&amp;редыдущая отправка</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>изменение статуса</translation>
    </message>
    <message>
        <source>ETA revision</source>
        <translation>изменение ожидаемого прибытия</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>удаление</translation>
    </message>
    <message>
        <source>Delete shipments</source>
        <translation>Удаление отправок</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n shipment(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Удалить %n отправку? Отмена (Ctrl+Z) вернёт её.</numerusform>
            <numerusform>Удалить %n отправки? Отмена (Ctrl+Z) вернёт их.</numerusform>
            <numerusform>Удалить %n отправок? Отмена (Ctrl+Z) вернёт их.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentColumns</name>
    <message>
        <source>Waybill</source>
        <extracomment>The translation context of the headers. Stable name, used in saved header states and exports. English header, marked for translation; show it through :meth:`title`. The text shown, from a row and the day &quot;late&quot; is judged against. The raw value behind the text (a date, kg, a count), for SortRole and exports. The key of ``queries.SORT_COLUMNS`` that orders by this column; None: not sortable. Text about as wide as the column usually needs, to size it without reading rows. Longer names are elided; the tooltip shows them whole. The editor kind (see ``EDITORS``) for in-table editing; None: read-only. Editor kinds: which delegate edits the cell and which service saves it.</extracomment>
        <translation>Накладная</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Поезд</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Груз</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>Грузополучатель</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Ожид. прибытие</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Days in transit</source>
        <translation>Дней в пути</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Дней опоздания</translation>
    </message>
    <message>
        <source>Net, t</source>
        <translation>Нетто, т</translation>
    </message>
    <message>
        <source>Arrived, t</source>
        <translation>Прибыло, т</translation>
    </message>
    <message>
        <source>Difference, t</source>
        <translation>Разница, т</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>Вагонов</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеров</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Последнее событие</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>Service field names that are shown at another editor.</extracomment>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save (Ctrl+Return)</source>
        <translation>Сохранить (Ctrl+Return)</translation>
    </message>
    <message>
        <source>New shipment</source>
        <translation>Новая отправка</translation>
    </message>
    <message>
        <source>New shipment (copy of %1)</source>
        <translation>Новая отправка (копия %1)</translation>
    </message>
    <message>
        <source>Shipment %1</source>
        <translation>Отправка %1</translation>
    </message>
    <message>
        <source>Reloaded the saved version; your edits were discarded.</source>
        <translation>Загружена сохранённая версия; ваши правки отменены.</translation>
    </message>
    <message>
        <source>New shipment %1</source>
        <translation>новая отправка %1</translation>
    </message>
    <message>
        <source>Edit of shipment %1</source>
        <translation>правка отправки %1</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Не сохранено: исправьте поля, отмеченные красным.</translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Не сохранено: %1: %2</translation>
    </message>
</context>
<context>
    <name>ShipmentEdits</name>
    <message>
        <source>status change</source>
        <translation>изменение статуса</translation>
    </message>
    <message>
        <source>ETA revision</source>
        <translation>изменение ожидаемого прибытия</translation>
    </message>
    <message>
        <source>arrived weight</source>
        <translation>вес по прибытии</translation>
    </message>
    <message>
        <source>arrival date change</source>
        <translation>изменение даты прибытия</translation>
    </message>
    <message>
        <source>notes edit</source>
        <translation>правка примечания</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n shipment(s)</source>
        <translation>
            <numerusform>%1: %n отправка</numerusform>
            <numerusform>%1: %n отправки</numerusform>
            <numerusform>%1: %n отправок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentFields</name>
    <message>
        <source>Waybill</source>
        <extracomment>The translation context of field names. Field names as the audit trail stores them → what the user reads.</extracomment>
        <translation>Накладная</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Поезд</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Груз</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>Грузополучатель</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Станция отправления</translation>
    </message>
    <message>
        <source>Border</source>
        <translation>Погранпереход</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Станция назначения</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Planned departure</source>
        <translation>Плановое отправление</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Ожид. прибытие</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Net weight (t)</source>
        <translation>Вес нетто (т)</translation>
    </message>
    <message>
        <source>Arrived weight (t)</source>
        <translation>Вес по прибытии (т)</translation>
    </message>
    <message>
        <source>Weight note</source>
        <translation>Примечание к весу</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>Вагонов</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеров</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Wagons and containers</source>
        <translation>Вагоны и контейнеры</translation>
    </message>
    <message>
        <source>Created</source>
        <extracomment>Audit actions → what the user reads.</extracomment>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>Изменение статуса</translation>
    </message>
    <message>
        <source>ETA revised</source>
        <translation>Ожидаемое прибытие изменено</translation>
    </message>
    <message>
        <source>Arrived weight</source>
        <translation>Вес по прибытии</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Отменено</translation>
    </message>
</context>
<context>
    <name>ShipmentForm</name>
    <message>
        <source>&amp;Waybill:</source>
        <extracomment>Field name → its label, in form order (also the order of a conflict&apos;s differences).</extracomment>
        <translation>&amp;Накладная:</translation>
    </message>
    <message>
        <source>&amp;Train:</source>
        <translation>П&amp;оезд:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>С&amp;татус:</translation>
    </message>
    <message>
        <source>&amp;Goods:</source>
        <translation>&amp;Груз:</translation>
    </message>
    <message>
        <source>&amp;Supplier:</source>
        <translation>Пост&amp;авщик:</translation>
    </message>
    <message>
        <source>&amp;Consignee:</source>
        <translation>Грузо&amp;получатель:</translation>
    </message>
    <message>
        <source>Co&amp;ntract:</source>
        <translation>&amp;Договор:</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>Станция о&amp;тправления:</translation>
    </message>
    <message>
        <source>&amp;Border:</source>
        <translation>Погранп&amp;ереход:</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>Станция на&amp;значения:</translation>
    </message>
    <message>
        <source>&amp;Planned departure:</source>
        <translation>Отправление по п&amp;лану:</translation>
    </message>
    <message>
        <source>Dep&amp;arted:</source>
        <translation>Отп&amp;равлено:</translation>
    </message>
    <message>
        <source>&amp;ETA:</source>
        <translation>О&amp;жидаемое прибытие:</translation>
    </message>
    <message>
        <source>Arr&amp;ived:</source>
        <translation>Пр&amp;ибыло:</translation>
    </message>
    <message>
        <source>Net &amp;weight, t:</source>
        <translation>&amp;Вес нетто, т:</translation>
    </message>
    <message>
        <source>Arrived wei&amp;ght, t:</source>
        <translation>Вес по при&amp;бытии, т:</translation>
    </message>
    <message>
        <source>Weight note:</source>
        <translation>Примечание к весу:</translation>
    </message>
    <message>
        <source>Wagons:</source>
        <translation>Вагонов:</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>Контейнеров:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>Wagons and containers</source>
        <extracomment>Where a plausibility warning&apos;s field is shown. Any value changed.</extracomment>
        <translation>Вагоны и контейнеры</translation>
    </message>
    <message>
        <source>Arrival is before departure.</source>
        <translation>Прибытие раньше отправления.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
</context>
<context>
    <name>ShipmentsPage</name>
    <message>
        <source>Cannot count the shipments: %1</source>
        <extracomment>The rows were counted again; the argument is the new :meth:`summary`. Whether ``_total`` is the whole table&apos;s count yet (not the first page&apos;s rows): a filter restored at start drops the unfiltered count, so it is read on a worker.</extracomment>
        <translation>Не удаётся подсчитать отправки: %1</translation>
    </message>
    <message>
        <source>Counting shipments…</source>
        <translation>Подсчёт отправок…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shipment(s), %1 t</source>
        <translation>
            <numerusform>%Ln отправка, %1 т</numerusform>
            <numerusform>%Ln отправки, %1 т</numerusform>
            <numerusform>%Ln отправок, %1 т</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln shipment(s), %2 t</source>
        <translation>
            <numerusform>%1 из %Ln отправки, %2 т</numerusform>
            <numerusform>%1 из %Ln отправок, %2 т</numerusform>
            <numerusform>%1 из %Ln отправок, %2 т</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipmentsTableModel</name>
    <message>
        <source>%1 (not sortable)</source>
        <extracomment>Saves an edited cell: (the row as loaded, the editor kind, the new value) → accepted? The roles whose values change when a page turns out to be unreadable. The ShipmentRow shown on the row (any column); None for a placeholder row. The cell&apos;s raw value (a date, kg, a count, a status value) to sort or export by. Days past the ETA for an open shipment, 0 when not late. The error text of a placeholder row; None on a real row. The editor kind of the cell&apos;s column (see ``columns.EDITORS``); None: read-only. Rows fetched per query: a few screens, small enough to load in a few milliseconds. Pages kept; the least recently used page is dropped first. How long a reset waits for the count before showing the first rows without it (ms). 0: the first paint waits for nothing but the first page (the count starts after it). Pages read ahead in the direction the user scrolls (and one behind). The count and tonnes of the current filter are known now (or failed: count_error). The language of station and goods names (read once: the locale is set at start). The page last painted from, and the one before it (the scroll direction). +1 while the user scrolls down, -1 up: which way pages are read ahead. Flags per column (rebuilt when editing is switched on or off). Whether the work after a paint (count, read-ahead) is queued. True while the count of the current generation is still running.</extracomment>
        <translation>%1 (без сортировки)</translation>
    </message>
    <message>
        <source>This row is gone; refresh the table.</source>
        <translation>Этой строки больше нет; обновите таблицу.</translation>
    </message>
    <message numerus="yes">
        <source>Late: %n day(s) past the ETA</source>
        <translation>
            <numerusform>Опоздание: %n день после ожидаемого прибытия</numerusform>
            <numerusform>Опоздание: %n дня после ожидаемого прибытия</numerusform>
            <numerusform>Опоздание: %n дней после ожидаемого прибытия</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load this row: %1</source>
        <translation>Не удалось загрузить строку: %1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Planned</source>
        <extracomment>The languages Railgrain is translated into: setting value → the language&apos;s own name. The setting&apos;s empty value means &quot;as the system&quot; (see ``locale_for``). The object name of the translators Railgrain installs, so a language change finds them. Status labels, marked for lupdate and translated at display time (context &quot;Status&quot;).</extracomment>
        <translation>Запланирована</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Погрузка</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>В пути</translation>
    </message>
    <message>
        <source>At border</source>
        <translation>На погранпереходе</translation>
    </message>
    <message>
        <source>Customs</source>
        <translation>Таможня</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Прибыла</translation>
    </message>
    <message>
        <source>Unloaded</source>
        <translation>Выгружена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>%1 (back, with a note)</source>
        <translation>%1 (возврат, с примечанием)</translation>
    </message>
    <message>
        <source>Status correction</source>
        <translation>Исправление статуса</translation>
    </message>
    <message>
        <source>Why does the status go back?</source>
        <translation>Почему статус возвращается назад?</translation>
    </message>
</context>
<context>
    <name>TonnesDelegate</name>
    <message>
        <source>Weight difference</source>
        <extracomment>The arrived weight may differ from the shipped weight by this much without a note.</extracomment>
        <translation>Расхождение веса</translation>
    </message>
    <message>
        <source>The arrived weight differs from the shipped weight. Why?</source>
        <translation>Вес по прибытии отличается от отгруженного. Почему?</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <source>Train %1</source>
        <extracomment>&quot;Show in workspace&quot;: the train&apos;s Filter and a label. A shipment&apos;s history was asked for (double-click).</extracomment>
        <translation>Поезд %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Train %1&lt;/b&gt; · %2 · net %3 t · arrived %4 · %5 wagons · %6 containers</source>
        <translation>&lt;b&gt;Поезд %1&lt;/b&gt; · %2 · нетто %3 т · прибыло %4 · вагонов: %5 · контейнеров: %6</translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s)</source>
        <translation>
            <numerusform>%n отправка</numerusform>
            <numerusform>%n отправки</numerusform>
            <numerusform>%n отправок</numerusform>
        </translation>
    </message>
    <message>
        <source>Waybill</source>
        <translation>Накладная</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Груз</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Wagons</source>
        <translation>Вагонов</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеров</translation>
    </message>
    <message>
        <source>Net t</source>
        <translation>Нетто, т</translation>
    </message>
    <message>
        <source>Arrived t</source>
        <translation>Прибыло, т</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Ожид. прибытие</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>&amp;Wagons and containers</source>
        <translation>&amp;Вагоны и контейнеры</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;События</translation>
    </message>
    <message>
        <source>Show in &amp;workspace</source>
        <translation>Показать в &amp;рабочей таблице</translation>
    </message>
    <message>
        <source>Shipment &amp;history…</source>
        <translation>&amp;История отправки…</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Контейнер</translation>
    </message>
    <message>
        <source>Wagon</source>
        <translation>Вагон</translation>
    </message>
    <message>
        <source>train %1</source>
        <translation>поезд %1</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 t</source>
        <translation>%1 т</translation>
    </message>
</context>
<context>
    <name>UnitsEditor</name>
    <message>
        <source>Kind</source>
        <extracomment>Rows were added or removed, or a value changed.</extracomment>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Net t</source>
        <translation>Нетто, т</translation>
    </message>
    <message>
        <source>&amp;Add wagon or container</source>
        <translation>&amp;Добавить вагон или контейнер</translation>
    </message>
    <message>
        <source>No wagons or containers listed.</source>
        <translation>Вагоны и контейнеры не указаны.</translation>
    </message>
    <message>
        <source>container</source>
        <translation>контейнер</translation>
    </message>
    <message>
        <source>wagon</source>
        <translation>вагон</translation>
    </message>
    <message>
        <source>e.g. CSQU3054383</source>
        <translation>напр. CSQU3054383</translation>
    </message>
    <message>
        <source>Remove this row</source>
        <translation>Удалить строку</translation>
    </message>
</context>
<context>
    <name>WarningTexts</name>
    <message>
        <source>{weight_kg} is light for one {kind}; a loaded {kind} usually carries {min_kg}–{max_kg} net</source>
        <extracomment>Warning code → template; fields are the warning&apos;s params (``*_kg`` shown as tonnes).</extracomment>
        <translation>{weight_kg} — мало на один {kind}; гружёный {kind} обычно везёт {min_kg}–{max_kg} нетто</translation>
    </message>
    <message>
        <source>{weight_kg} is heavy for one {kind}; a loaded {kind} usually carries {min_kg}–{max_kg} net</source>
        <translation>{weight_kg} — много на один {kind}; гружёный {kind} обычно везёт {min_kg}–{max_kg} нетто</translation>
    </message>
    <message>
        <source>{total_kg} over {units} units is {average_kg} per {kind}; a loaded {kind} usually carries {min_kg}–{max_kg} net: check the weight and the number of units</source>
        <translation>{total_kg} на {units} ед. — это {average_kg} на один {kind}; гружёный {kind} обычно везёт {min_kg}–{max_kg} нетто: проверьте вес и число единиц</translation>
    </message>
    <message>
        <source>{total_kg} is light for a container train (under {min_kg})</source>
        <translation>{total_kg} — мало для контейнерного поезда (меньше {min_kg})</translation>
    </message>
    <message>
        <source>{total_kg} is heavy for a container train (over {max_kg})</source>
        <translation>{total_kg} — много для контейнерного поезда (больше {max_kg})</translation>
    </message>
    <message>
        <source>{units} boxes is few; a container train usually has {min}–{max}</source>
        <translation>{units} конт. — мало; в контейнерном поезде обычно {min}–{max}</translation>
    </message>
    <message>
        <source>{units} boxes is many; a container train usually has {min}–{max}</source>
        <translation>{units} конт. — много; в контейнерном поезде обычно {min}–{max}</translation>
    </message>
    <message>
        <source>{arrival} is before the departure ({departure})</source>
        <translation>{arrival} раньше отправления ({departure})</translation>
    </message>
    <message>
        <source>{days} days after departure; transit usually takes {min_days}–{max_days} days</source>
        <translation>{days} дн. после отправления; перевозка обычно занимает {min_days}–{max_days} дн.</translation>
    </message>
    <message>
        <source>{days} days at the border; a stop over {max_days} days is worth asking the forwarder about</source>
        <translation>{days} дн. на границе; о стоянке дольше {max_days} дн. стоит спросить экспедитора</translation>
    </message>
    <message>
        <source>the arrived weight is {difference_pct} % ({difference_kg}) below the shipped weight, beyond the {tolerance_pct} % tolerance; record the reason</source>
        <translation>вес по прибытии на {difference_pct} % ({difference_kg}) меньше отправленного, сверх допуска {tolerance_pct} %; укажите причину</translation>
    </message>
    <message>
        <source>the arrived weight is {difference_pct} % ({difference_kg}) above the shipped weight, beyond the {tolerance_pct} % tolerance; record the reason</source>
        <translation>вес по прибытии на {difference_pct} % ({difference_kg}) больше отправленного, сверх допуска {tolerance_pct} %; укажите причину</translation>
    </message>
    <message>
        <source>wagon</source>
        <translation>вагон</translation>
    </message>
    <message>
        <source>container</source>
        <translation>контейнер</translation>
    </message>
</context>
</TS>
