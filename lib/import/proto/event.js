/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tensorboard = $root.tensorboard = (() => {

    /**
     * Namespace tensorboard.
     * @exports tensorboard
     * @namespace
     */
    const tensorboard = {};

    tensorboard.Event = (function() {

        /**
         * Properties of an Event.
         * @typedef {Object} tensorboard.Event.$Properties
         * @property {number|null} [wall_time] Event wall_time
         * @property {number|Long|null} [step] Event step
         * @property {string|null} [file_version] Event file_version
         * @property {Uint8Array|null} [graph_def] Event graph_def
         * @property {tensorboard.Summary.$Properties|null} [summary] Event summary
         * @property {"file_version"|"graph_def"|"summary"} [what] Event what
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Event.
         * @memberof tensorboard
         * @interface IEvent
         * @augments tensorboard.Event.$Properties
         * @deprecated Use tensorboard.Event.$Properties instead.
         */

        /**
         * Narrowed shape of an Event.
         * @typedef {{
         *   wall_time?: number|null;
         *   step?: number|Long|null;
         *   file_version?: string|null;
         *   graph_def?: Uint8Array|null;
         *   summary?: tensorboard.Summary.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ what?: undefined; file_version?: null; graph_def?: null; summary?: null }|{ what?: "file_version"; file_version: string; graph_def?: null; summary?: null }|{ what?: "graph_def"; file_version?: null; graph_def: Uint8Array; summary?: null }|{ what?: "summary"; file_version?: null; graph_def?: null; summary: tensorboard.Summary.$Shape })
         * )} tensorboard.Event.$Shape
         */

        /**
         * Constructs a new Event.
         * @memberof tensorboard
         * @classdesc Represents an Event.
         * @constructor
         * @param {tensorboard.Event.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Event = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Event wall_time.
         * @member {number} wall_time
         * @memberof tensorboard.Event
         * @instance
         */
        Event.prototype.wall_time = 0;

        /**
         * Event step.
         * @member {number|Long} step
         * @memberof tensorboard.Event
         * @instance
         */
        Event.prototype.step = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Event file_version.
         * @member {string|null|undefined} file_version
         * @memberof tensorboard.Event
         * @instance
         */
        Event.prototype.file_version = null;

        /**
         * Event graph_def.
         * @member {Uint8Array|null|undefined} graph_def
         * @memberof tensorboard.Event
         * @instance
         */
        Event.prototype.graph_def = null;

        /**
         * Event summary.
         * @member {tensorboard.Summary.$Properties|null|undefined} summary
         * @memberof tensorboard.Event
         * @instance
         */
        Event.prototype.summary = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Event what.
         * @member {"file_version"|"graph_def"|"summary"|undefined} what
         * @memberof tensorboard.Event
         * @instance
         */
        $Object.defineProperty(Event.prototype, "what", {
            get: $util.oneOfGetter($oneOfFields = ["file_version", "graph_def", "summary"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Decodes an Event message from the specified reader or buffer.
         * @function decode
         * @memberof tensorboard.Event
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorboard.Event & tensorboard.Event.$Shape} Event
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Event.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.Event();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.wall_time = value;
                        else
                            delete message.wall_time;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                            message.step = value;
                        else
                            delete message.step;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.file_version = reader.stringVerify();
                        message.what = "file_version";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.graph_def = reader.bytes();
                        message.what = "graph_def";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.summary = $root.tensorboard.Summary.decode(reader, reader.size(), $undefined, _depth + 1, message.summary);
                        message.what = "summary";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates an Event message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorboard.Event
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorboard.Event} Event
         */
        Event.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.Event)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.Event: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.tensorboard.Event();
            if (object.wall_time != null)
                if (!$Object.is($Number(object.wall_time), 0))
                    message.wall_time = $Number(object.wall_time);
            if (object.step != null)
                if (typeof object.step === "object" ? object.step.low || object.step.high : $Number(object.step) !== 0)
                    if ($util.Long)
                        message.step = $util.Long.fromValue(object.step, false);
                    else if (typeof object.step === "string")
                        message.step = $parseInt(object.step, 10);
                    else if (typeof object.step === "number")
                        message.step = object.step;
                    else if (typeof object.step === "object")
                        message.step = new $util.LongBits(object.step.low >>> 0, object.step.high >>> 0).toNumber();
            if (object.file_version != null)
                message.file_version = $String(object.file_version);
            if (object.graph_def != null)
                if (typeof object.graph_def === "string")
                    $util.base64.decode(object.graph_def, message.graph_def = $util.newBuffer($util.base64.length(object.graph_def)), 0);
                else if (object.graph_def.length >= 0)
                    message.graph_def = object.graph_def;
            if (object.summary != null) {
                if (!$util.isObject(object.summary))
                    throw $TypeError(".tensorboard.Event.summary: object expected");
                message.summary = $root.tensorboard.Summary.fromObject(object.summary, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from an Event message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorboard.Event
         * @static
         * @param {tensorboard.Event} message Event
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Event.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.wall_time = 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, false);
                    object.step = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.step = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (message.wall_time != null && $Object.hasOwnProperty.call(message, "wall_time"))
                object.wall_time = options.json && !$isFinite(message.wall_time) ? $String(message.wall_time) : message.wall_time;
            if (message.step != null && $Object.hasOwnProperty.call(message, "step"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.step = typeof message.step === "number" ? $BigInt(message.step) : $util.Long.fromBits(message.step.low >>> 0, message.step.high >>> 0, false).toBigInt();
                else if (typeof message.step === "number")
                    object.step = options.longs === $String ? $String(message.step) : message.step;
                else
                    object.step = options.longs === $String ? $util.Long.prototype.toString.call(message.step) : options.longs === $Number ? new $util.LongBits(message.step.low >>> 0, message.step.high >>> 0).toNumber() : message.step;
            if (message.file_version != null && $Object.hasOwnProperty.call(message, "file_version")) {
                object.file_version = message.file_version;
                if (options.oneofs)
                    object.what = "file_version";
            }
            if (message.graph_def != null && $Object.hasOwnProperty.call(message, "graph_def")) {
                object.graph_def = options.bytes === $String ? $util.base64.encode(message.graph_def, 0, message.graph_def.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.graph_def) : message.graph_def;
                if (options.oneofs)
                    object.what = "graph_def";
            }
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary")) {
                object.summary = $root.tensorboard.Summary.toObject(message.summary, options, _depth + 1);
                if (options.oneofs)
                    object.what = "summary";
            }
            return object;
        };

        /**
         * Converts this Event to JSON.
         * @function toJSON
         * @memberof tensorboard.Event
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Event.prototype.toJSON = function() {
            return Event.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Event;
    })();

    tensorboard.SummaryMetadata = (function() {

        /**
         * Properties of a SummaryMetadata.
         * @typedef {Object} tensorboard.SummaryMetadata.$Properties
         * @property {tensorboard.SummaryMetadata.PluginData.$Properties|null} [plugin_data] SummaryMetadata plugin_data
         * @property {string|null} [display_name] SummaryMetadata display_name
         * @property {string|null} [summary_description] SummaryMetadata summary_description
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SummaryMetadata.
         * @memberof tensorboard
         * @interface ISummaryMetadata
         * @augments tensorboard.SummaryMetadata.$Properties
         * @deprecated Use tensorboard.SummaryMetadata.$Properties instead.
         */

        /**
         * Shape of a SummaryMetadata.
         * @typedef {tensorboard.SummaryMetadata.$Properties} tensorboard.SummaryMetadata.$Shape
         */

        /**
         * Constructs a new SummaryMetadata.
         * @memberof tensorboard
         * @classdesc Represents a SummaryMetadata.
         * @constructor
         * @param {tensorboard.SummaryMetadata.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SummaryMetadata = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SummaryMetadata plugin_data.
         * @member {tensorboard.SummaryMetadata.PluginData.$Properties|null|undefined} plugin_data
         * @memberof tensorboard.SummaryMetadata
         * @instance
         */
        SummaryMetadata.prototype.plugin_data = null;

        /**
         * SummaryMetadata display_name.
         * @member {string} display_name
         * @memberof tensorboard.SummaryMetadata
         * @instance
         */
        SummaryMetadata.prototype.display_name = "";

        /**
         * SummaryMetadata summary_description.
         * @member {string} summary_description
         * @memberof tensorboard.SummaryMetadata
         * @instance
         */
        SummaryMetadata.prototype.summary_description = "";

        /**
         * Decodes a SummaryMetadata message from the specified reader or buffer.
         * @function decode
         * @memberof tensorboard.SummaryMetadata
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorboard.SummaryMetadata & tensorboard.SummaryMetadata.$Shape} SummaryMetadata
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SummaryMetadata.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.SummaryMetadata();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.plugin_data = $root.tensorboard.SummaryMetadata.PluginData.decode(reader, reader.size(), $undefined, _depth + 1, message.plugin_data);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.display_name = value;
                        else
                            delete message.display_name;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.summary_description = value;
                        else
                            delete message.summary_description;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SummaryMetadata message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorboard.SummaryMetadata
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorboard.SummaryMetadata} SummaryMetadata
         */
        SummaryMetadata.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.SummaryMetadata)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.SummaryMetadata: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.tensorboard.SummaryMetadata();
            if (object.plugin_data != null) {
                if (!$util.isObject(object.plugin_data))
                    throw $TypeError(".tensorboard.SummaryMetadata.plugin_data: object expected");
                message.plugin_data = $root.tensorboard.SummaryMetadata.PluginData.fromObject(object.plugin_data, _depth + 1);
            }
            if (object.display_name != null)
                if (typeof object.display_name !== "string" || object.display_name.length)
                    message.display_name = $String(object.display_name);
            if (object.summary_description != null)
                if (typeof object.summary_description !== "string" || object.summary_description.length)
                    message.summary_description = $String(object.summary_description);
            return message;
        };

        /**
         * Creates a plain object from a SummaryMetadata message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorboard.SummaryMetadata
         * @static
         * @param {tensorboard.SummaryMetadata} message SummaryMetadata
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SummaryMetadata.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.plugin_data = null;
                object.display_name = "";
                object.summary_description = "";
            }
            if (message.plugin_data != null && $Object.hasOwnProperty.call(message, "plugin_data"))
                object.plugin_data = $root.tensorboard.SummaryMetadata.PluginData.toObject(message.plugin_data, options, _depth + 1);
            if (message.display_name != null && $Object.hasOwnProperty.call(message, "display_name"))
                object.display_name = message.display_name;
            if (message.summary_description != null && $Object.hasOwnProperty.call(message, "summary_description"))
                object.summary_description = message.summary_description;
            return object;
        };

        /**
         * Converts this SummaryMetadata to JSON.
         * @function toJSON
         * @memberof tensorboard.SummaryMetadata
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SummaryMetadata.prototype.toJSON = function() {
            return SummaryMetadata.toObject(this, $protobuf.util.toJSONOptions);
        };

        SummaryMetadata.PluginData = (function() {

            /**
             * Properties of a PluginData.
             * @typedef {Object} tensorboard.SummaryMetadata.PluginData.$Properties
             * @property {string|null} [plugin_name] PluginData plugin_name
             * @property {Uint8Array|null} [content] PluginData content
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PluginData.
             * @memberof tensorboard.SummaryMetadata
             * @interface IPluginData
             * @augments tensorboard.SummaryMetadata.PluginData.$Properties
             * @deprecated Use tensorboard.SummaryMetadata.PluginData.$Properties instead.
             */

            /**
             * Shape of a PluginData.
             * @typedef {tensorboard.SummaryMetadata.PluginData.$Properties} tensorboard.SummaryMetadata.PluginData.$Shape
             */

            /**
             * Constructs a new PluginData.
             * @memberof tensorboard.SummaryMetadata
             * @classdesc Represents a PluginData.
             * @constructor
             * @param {tensorboard.SummaryMetadata.PluginData.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PluginData = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PluginData plugin_name.
             * @member {string} plugin_name
             * @memberof tensorboard.SummaryMetadata.PluginData
             * @instance
             */
            PluginData.prototype.plugin_name = "";

            /**
             * PluginData content.
             * @member {Uint8Array} content
             * @memberof tensorboard.SummaryMetadata.PluginData
             * @instance
             */
            PluginData.prototype.content = $util.newBuffer([]);

            /**
             * Decodes a PluginData message from the specified reader or buffer.
             * @function decode
             * @memberof tensorboard.SummaryMetadata.PluginData
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorboard.SummaryMetadata.PluginData & tensorboard.SummaryMetadata.PluginData.$Shape} PluginData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PluginData.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.SummaryMetadata.PluginData();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.plugin_name = value;
                            else
                                delete message.plugin_name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.content = value;
                            else
                                delete message.content;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a PluginData message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorboard.SummaryMetadata.PluginData
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorboard.SummaryMetadata.PluginData} PluginData
             */
            PluginData.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.SummaryMetadata.PluginData)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.SummaryMetadata.PluginData: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorboard.SummaryMetadata.PluginData();
                if (object.plugin_name != null)
                    if (typeof object.plugin_name !== "string" || object.plugin_name.length)
                        message.plugin_name = $String(object.plugin_name);
                if (object.content != null)
                    if (object.content.length)
                        if (typeof object.content === "string")
                            $util.base64.decode(object.content, message.content = $util.newBuffer($util.base64.length(object.content)), 0);
                        else if (object.content.length >= 0)
                            message.content = object.content;
                return message;
            };

            /**
             * Creates a plain object from a PluginData message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorboard.SummaryMetadata.PluginData
             * @static
             * @param {tensorboard.SummaryMetadata.PluginData} message PluginData
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PluginData.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.plugin_name = "";
                    if (options.bytes === $String)
                        object.content = "";
                    else {
                        object.content = [];
                        if (options.bytes !== $Array)
                            object.content = $util.newBuffer(object.content);
                    }
                }
                if (message.plugin_name != null && $Object.hasOwnProperty.call(message, "plugin_name"))
                    object.plugin_name = message.plugin_name;
                if (message.content != null && $Object.hasOwnProperty.call(message, "content"))
                    object.content = options.bytes === $String ? $util.base64.encode(message.content, 0, message.content.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.content) : message.content;
                return object;
            };

            /**
             * Converts this PluginData to JSON.
             * @function toJSON
             * @memberof tensorboard.SummaryMetadata.PluginData
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PluginData.prototype.toJSON = function() {
                return PluginData.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PluginData;
        })();

        return SummaryMetadata;
    })();

    tensorboard.Summary = (function() {

        /**
         * Properties of a Summary.
         * @typedef {Object} tensorboard.Summary.$Properties
         * @property {Array.<tensorboard.Summary.Value.$Properties>|null} [value] Summary value
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Summary.
         * @memberof tensorboard
         * @interface ISummary
         * @augments tensorboard.Summary.$Properties
         * @deprecated Use tensorboard.Summary.$Properties instead.
         */

        /**
         * Shape of a Summary.
         * @typedef {{
         *   value?: Array.<tensorboard.Summary.Value.$Shape>|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} tensorboard.Summary.$Shape
         */

        /**
         * Constructs a new Summary.
         * @memberof tensorboard
         * @classdesc Represents a Summary.
         * @constructor
         * @param {tensorboard.Summary.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Summary = function (properties) {
            this.value = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Summary value.
         * @member {Array.<tensorboard.Summary.Value.$Properties>} value
         * @memberof tensorboard.Summary
         * @instance
         */
        Summary.prototype.value = $util.emptyArray;

        /**
         * Decodes a Summary message from the specified reader or buffer.
         * @function decode
         * @memberof tensorboard.Summary
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorboard.Summary & tensorboard.Summary.$Shape} Summary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Summary.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.Summary();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.value && message.value.length))
                            message.value = [];
                        message.value.push($root.tensorboard.Summary.Value.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Summary message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorboard.Summary
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorboard.Summary} Summary
         */
        Summary.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.Summary)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.Summary: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.tensorboard.Summary();
            if (object.value) {
                if (!$Array.isArray(object.value))
                    throw $TypeError(".tensorboard.Summary.value: array expected");
                message.value = $Array(object.value.length);
                for (let i = 0; i < object.value.length; ++i) {
                    if (!$util.isObject(object.value[i]))
                        throw $TypeError(".tensorboard.Summary.value: object expected");
                    message.value[i] = $root.tensorboard.Summary.Value.fromObject(object.value[i], _depth + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a Summary message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorboard.Summary
         * @static
         * @param {tensorboard.Summary} message Summary
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Summary.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.value = [];
            if (message.value && message.value.length) {
                object.value = $Array(message.value.length);
                for (let j = 0; j < message.value.length; ++j)
                    object.value[j] = $root.tensorboard.Summary.Value.toObject(message.value[j], options, _depth + 1);
            }
            return object;
        };

        /**
         * Converts this Summary to JSON.
         * @function toJSON
         * @memberof tensorboard.Summary
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Summary.prototype.toJSON = function() {
            return Summary.toObject(this, $protobuf.util.toJSONOptions);
        };

        Summary.Value = (function() {

            /**
             * Properties of a Value.
             * @typedef {Object} tensorboard.Summary.Value.$Properties
             * @property {string|null} [node_name] Value node_name
             * @property {string|null} [tag] Value tag
             * @property {tensorboard.SummaryMetadata.$Properties|null} [metadata] Value metadata
             * @property {number|null} [simple_value] Value simple_value
             * @property {Uint8Array|null} [obsolete_old_style_histogram] Value obsolete_old_style_histogram
             * @property {tensorboard.TensorProto.$Properties|null} [tensor] Value tensor
             * @property {"simple_value"|"obsolete_old_style_histogram"|"tensor"} [value] Value value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Value.
             * @memberof tensorboard.Summary
             * @interface IValue
             * @augments tensorboard.Summary.Value.$Properties
             * @deprecated Use tensorboard.Summary.Value.$Properties instead.
             */

            /**
             * Narrowed shape of a Value.
             * @typedef {{
             *   node_name?: string|null;
             *   tag?: string|null;
             *   metadata?: tensorboard.SummaryMetadata.$Shape|null;
             *   simple_value?: number|null;
             *   obsolete_old_style_histogram?: Uint8Array|null;
             *   tensor?: tensorboard.TensorProto.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ value?: undefined; simple_value?: null; obsolete_old_style_histogram?: null; tensor?: null }|{ value?: "simple_value"; simple_value: number; obsolete_old_style_histogram?: null; tensor?: null }|{ value?: "obsolete_old_style_histogram"; simple_value?: null; obsolete_old_style_histogram: Uint8Array; tensor?: null }|{ value?: "tensor"; simple_value?: null; obsolete_old_style_histogram?: null; tensor: tensorboard.TensorProto.$Shape })
             * )} tensorboard.Summary.Value.$Shape
             */

            /**
             * Constructs a new Value.
             * @memberof tensorboard.Summary
             * @classdesc Represents a Value.
             * @constructor
             * @param {tensorboard.Summary.Value.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Value = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Value node_name.
             * @member {string} node_name
             * @memberof tensorboard.Summary.Value
             * @instance
             */
            Value.prototype.node_name = "";

            /**
             * Value tag.
             * @member {string} tag
             * @memberof tensorboard.Summary.Value
             * @instance
             */
            Value.prototype.tag = "";

            /**
             * Value metadata.
             * @member {tensorboard.SummaryMetadata.$Properties|null|undefined} metadata
             * @memberof tensorboard.Summary.Value
             * @instance
             */
            Value.prototype.metadata = null;

            /**
             * Value simple_value.
             * @member {number|null|undefined} simple_value
             * @memberof tensorboard.Summary.Value
             * @instance
             */
            Value.prototype.simple_value = null;

            /**
             * Value obsolete_old_style_histogram.
             * @member {Uint8Array|null|undefined} obsolete_old_style_histogram
             * @memberof tensorboard.Summary.Value
             * @instance
             */
            Value.prototype.obsolete_old_style_histogram = null;

            /**
             * Value tensor.
             * @member {tensorboard.TensorProto.$Properties|null|undefined} tensor
             * @memberof tensorboard.Summary.Value
             * @instance
             */
            Value.prototype.tensor = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Value value.
             * @member {"simple_value"|"obsolete_old_style_histogram"|"tensor"|undefined} value
             * @memberof tensorboard.Summary.Value
             * @instance
             */
            $Object.defineProperty(Value.prototype, "value", {
                get: $util.oneOfGetter($oneOfFields = ["simple_value", "obsolete_old_style_histogram", "tensor"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @function decode
             * @memberof tensorboard.Summary.Value
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorboard.Summary.Value & tensorboard.Summary.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.Summary.Value();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.node_name = value;
                            else
                                delete message.node_name;
                            continue;
                        }
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tag = value;
                            else
                                delete message.tag;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.metadata = $root.tensorboard.SummaryMetadata.decode(reader, reader.size(), $undefined, _depth + 1, message.metadata);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            message.simple_value = reader.float();
                            message.value = "simple_value";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.obsolete_old_style_histogram = reader.bytes();
                            message.value = "obsolete_old_style_histogram";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.tensor = $root.tensorboard.TensorProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensor);
                            message.value = "tensor";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Value message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorboard.Summary.Value
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorboard.Summary.Value} Value
             */
            Value.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.Summary.Value)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.Summary.Value: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorboard.Summary.Value();
                if (object.node_name != null)
                    if (typeof object.node_name !== "string" || object.node_name.length)
                        message.node_name = $String(object.node_name);
                if (object.tag != null)
                    if (typeof object.tag !== "string" || object.tag.length)
                        message.tag = $String(object.tag);
                if (object.metadata != null) {
                    if (!$util.isObject(object.metadata))
                        throw $TypeError(".tensorboard.Summary.Value.metadata: object expected");
                    message.metadata = $root.tensorboard.SummaryMetadata.fromObject(object.metadata, _depth + 1);
                }
                if (object.simple_value != null)
                    message.simple_value = $Number(object.simple_value);
                if (object.obsolete_old_style_histogram != null)
                    if (typeof object.obsolete_old_style_histogram === "string")
                        $util.base64.decode(object.obsolete_old_style_histogram, message.obsolete_old_style_histogram = $util.newBuffer($util.base64.length(object.obsolete_old_style_histogram)), 0);
                    else if (object.obsolete_old_style_histogram.length >= 0)
                        message.obsolete_old_style_histogram = object.obsolete_old_style_histogram;
                if (object.tensor != null) {
                    if (!$util.isObject(object.tensor))
                        throw $TypeError(".tensorboard.Summary.Value.tensor: object expected");
                    message.tensor = $root.tensorboard.TensorProto.fromObject(object.tensor, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Value message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorboard.Summary.Value
             * @static
             * @param {tensorboard.Summary.Value} message Value
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Value.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tag = "";
                    object.node_name = "";
                    object.metadata = null;
                }
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag"))
                    object.tag = message.tag;
                if (message.simple_value != null && $Object.hasOwnProperty.call(message, "simple_value")) {
                    object.simple_value = options.json && !$isFinite(message.simple_value) ? $String(message.simple_value) : message.simple_value;
                    if (options.oneofs)
                        object.value = "simple_value";
                }
                if (message.obsolete_old_style_histogram != null && $Object.hasOwnProperty.call(message, "obsolete_old_style_histogram")) {
                    object.obsolete_old_style_histogram = options.bytes === $String ? $util.base64.encode(message.obsolete_old_style_histogram, 0, message.obsolete_old_style_histogram.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.obsolete_old_style_histogram) : message.obsolete_old_style_histogram;
                    if (options.oneofs)
                        object.value = "obsolete_old_style_histogram";
                }
                if (message.node_name != null && $Object.hasOwnProperty.call(message, "node_name"))
                    object.node_name = message.node_name;
                if (message.tensor != null && $Object.hasOwnProperty.call(message, "tensor")) {
                    object.tensor = $root.tensorboard.TensorProto.toObject(message.tensor, options, _depth + 1);
                    if (options.oneofs)
                        object.value = "tensor";
                }
                if (message.metadata != null && $Object.hasOwnProperty.call(message, "metadata"))
                    object.metadata = $root.tensorboard.SummaryMetadata.toObject(message.metadata, options, _depth + 1);
                return object;
            };

            /**
             * Converts this Value to JSON.
             * @function toJSON
             * @memberof tensorboard.Summary.Value
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Value.prototype.toJSON = function() {
                return Value.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Value;
        })();

        return Summary;
    })();

    tensorboard.TensorShapeProto = (function() {

        /**
         * Properties of a TensorShapeProto.
         * @typedef {Object} tensorboard.TensorShapeProto.$Properties
         * @property {Array.<tensorboard.TensorShapeProto.Dim.$Properties>|null} [dim] TensorShapeProto dim
         * @property {boolean|null} [unknown_rank] TensorShapeProto unknown_rank
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorShapeProto.
         * @memberof tensorboard
         * @interface ITensorShapeProto
         * @augments tensorboard.TensorShapeProto.$Properties
         * @deprecated Use tensorboard.TensorShapeProto.$Properties instead.
         */

        /**
         * Shape of a TensorShapeProto.
         * @typedef {tensorboard.TensorShapeProto.$Properties} tensorboard.TensorShapeProto.$Shape
         */

        /**
         * Constructs a new TensorShapeProto.
         * @memberof tensorboard
         * @classdesc Represents a TensorShapeProto.
         * @constructor
         * @param {tensorboard.TensorShapeProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorShapeProto = function (properties) {
            this.dim = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorShapeProto dim.
         * @member {Array.<tensorboard.TensorShapeProto.Dim.$Properties>} dim
         * @memberof tensorboard.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.dim = $util.emptyArray;

        /**
         * TensorShapeProto unknown_rank.
         * @member {boolean} unknown_rank
         * @memberof tensorboard.TensorShapeProto
         * @instance
         */
        TensorShapeProto.prototype.unknown_rank = false;

        /**
         * Decodes a TensorShapeProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorboard.TensorShapeProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorboard.TensorShapeProto & tensorboard.TensorShapeProto.$Shape} TensorShapeProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorShapeProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.TensorShapeProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.dim && message.dim.length))
                            message.dim = [];
                        message.dim.push($root.tensorboard.TensorShapeProto.Dim.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.unknown_rank = value;
                        else
                            delete message.unknown_rank;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a TensorShapeProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorboard.TensorShapeProto
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorboard.TensorShapeProto} TensorShapeProto
         */
        TensorShapeProto.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.TensorShapeProto)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.TensorShapeProto: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.tensorboard.TensorShapeProto();
            if (object.dim) {
                if (!$Array.isArray(object.dim))
                    throw $TypeError(".tensorboard.TensorShapeProto.dim: array expected");
                message.dim = $Array(object.dim.length);
                for (let i = 0; i < object.dim.length; ++i) {
                    if (!$util.isObject(object.dim[i]))
                        throw $TypeError(".tensorboard.TensorShapeProto.dim: object expected");
                    message.dim[i] = $root.tensorboard.TensorShapeProto.Dim.fromObject(object.dim[i], _depth + 1);
                }
            }
            if (object.unknown_rank != null)
                if (object.unknown_rank)
                    message.unknown_rank = $Boolean(object.unknown_rank);
            return message;
        };

        /**
         * Creates a plain object from a TensorShapeProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorboard.TensorShapeProto
         * @static
         * @param {tensorboard.TensorShapeProto} message TensorShapeProto
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TensorShapeProto.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.dim = [];
            if (options.defaults)
                object.unknown_rank = false;
            if (message.dim && message.dim.length) {
                object.dim = $Array(message.dim.length);
                for (let j = 0; j < message.dim.length; ++j)
                    object.dim[j] = $root.tensorboard.TensorShapeProto.Dim.toObject(message.dim[j], options, _depth + 1);
            }
            if (message.unknown_rank != null && $Object.hasOwnProperty.call(message, "unknown_rank"))
                object.unknown_rank = message.unknown_rank;
            return object;
        };

        /**
         * Converts this TensorShapeProto to JSON.
         * @function toJSON
         * @memberof tensorboard.TensorShapeProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TensorShapeProto.prototype.toJSON = function() {
            return TensorShapeProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        TensorShapeProto.Dim = (function() {

            /**
             * Properties of a Dim.
             * @typedef {Object} tensorboard.TensorShapeProto.Dim.$Properties
             * @property {number|Long|null} [size] Dim size
             * @property {string|null} [name] Dim name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Dim.
             * @memberof tensorboard.TensorShapeProto
             * @interface IDim
             * @augments tensorboard.TensorShapeProto.Dim.$Properties
             * @deprecated Use tensorboard.TensorShapeProto.Dim.$Properties instead.
             */

            /**
             * Shape of a Dim.
             * @typedef {tensorboard.TensorShapeProto.Dim.$Properties} tensorboard.TensorShapeProto.Dim.$Shape
             */

            /**
             * Constructs a new Dim.
             * @memberof tensorboard.TensorShapeProto
             * @classdesc Represents a Dim.
             * @constructor
             * @param {tensorboard.TensorShapeProto.Dim.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Dim = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Dim size.
             * @member {number|Long} size
             * @memberof tensorboard.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Dim name.
             * @member {string} name
             * @memberof tensorboard.TensorShapeProto.Dim
             * @instance
             */
            Dim.prototype.name = "";

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @function decode
             * @memberof tensorboard.TensorShapeProto.Dim
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {tensorboard.TensorShapeProto.Dim & tensorboard.TensorShapeProto.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Dim.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.tensorboard.TensorShapeProto.Dim();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Dim message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof tensorboard.TensorShapeProto.Dim
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {tensorboard.TensorShapeProto.Dim} Dim
             */
            Dim.fromObject = function (object, _depth) {
                if (object instanceof $root.tensorboard.TensorShapeProto.Dim)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".tensorboard.TensorShapeProto.Dim: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.tensorboard.TensorShapeProto.Dim();
                if (object.size != null)
                    if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                        if ($util.Long)
                            message.size = $util.Long.fromValue(object.size, false);
                        else if (typeof object.size === "string")
                            message.size = $parseInt(object.size, 10);
                        else if (typeof object.size === "number")
                            message.size = object.size;
                        else if (typeof object.size === "object")
                            message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                return message;
            };

            /**
             * Creates a plain object from a Dim message. Also converts values to other types if specified.
             * @function toObject
             * @memberof tensorboard.TensorShapeProto.Dim
             * @static
             * @param {tensorboard.TensorShapeProto.Dim} message Dim
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Dim.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.name = "";
                }
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, false).toBigInt();
                    else if (typeof message.size === "number")
                        object.size = options.longs === $String ? $String(message.size) : message.size;
                    else
                        object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber() : message.size;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                return object;
            };

            /**
             * Converts this Dim to JSON.
             * @function toJSON
             * @memberof tensorboard.TensorShapeProto.Dim
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Dim.prototype.toJSON = function() {
                return Dim.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Dim;
        })();

        return TensorShapeProto;
    })();

    tensorboard.TensorProto = (function() {

        /**
         * Properties of a TensorProto.
         * @typedef {Object} tensorboard.TensorProto.$Properties
         * @property {number|null} [dtype] TensorProto dtype
         * @property {tensorboard.TensorShapeProto.$Properties|null} [tensor_shape] TensorProto tensor_shape
         * @property {number|null} [version_number] TensorProto version_number
         * @property {Uint8Array|null} [tensor_content] TensorProto tensor_content
         * @property {Array.<number>|null} [half_val] TensorProto half_val
         * @property {Array.<number>|null} [float_val] TensorProto float_val
         * @property {Array.<number>|null} [double_val] TensorProto double_val
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TensorProto.
         * @memberof tensorboard
         * @interface ITensorProto
         * @augments tensorboard.TensorProto.$Properties
         * @deprecated Use tensorboard.TensorProto.$Properties instead.
         */

        /**
         * Shape of a TensorProto.
         * @typedef {tensorboard.TensorProto.$Properties} tensorboard.TensorProto.$Shape
         */

        /**
         * Constructs a new TensorProto.
         * @memberof tensorboard
         * @classdesc Represents a TensorProto.
         * @constructor
         * @param {tensorboard.TensorProto.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TensorProto = function (properties) {
            this.half_val = [];
            this.float_val = [];
            this.double_val = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TensorProto dtype.
         * @member {number} dtype
         * @memberof tensorboard.TensorProto
         * @instance
         */
        TensorProto.prototype.dtype = 0;

        /**
         * TensorProto tensor_shape.
         * @member {tensorboard.TensorShapeProto.$Properties|null|undefined} tensor_shape
         * @memberof tensorboard.TensorProto
         * @instance
         */
        TensorProto.prototype.tensor_shape = null;

        /**
         * TensorProto version_number.
         * @member {number} version_number
         * @memberof tensorboard.TensorProto
         * @instance
         */
        TensorProto.prototype.version_number = 0;

        /**
         * TensorProto tensor_content.
         * @member {Uint8Array} tensor_content
         * @memberof tensorboard.TensorProto
         * @instance
         */
        TensorProto.prototype.tensor_content = $util.newBuffer([]);

        /**
         * TensorProto half_val.
         * @member {Array.<number>} half_val
         * @memberof tensorboard.TensorProto
         * @instance
         */
        TensorProto.prototype.half_val = $util.emptyArray;

        /**
         * TensorProto float_val.
         * @member {Array.<number>} float_val
         * @memberof tensorboard.TensorProto
         * @instance
         */
        TensorProto.prototype.float_val = $util.emptyArray;

        /**
         * TensorProto double_val.
         * @member {Array.<number>} double_val
         * @memberof tensorboard.TensorProto
         * @instance
         */
        TensorProto.prototype.double_val = $util.emptyArray;

        /**
         * Decodes a TensorProto message from the specified reader or buffer.
         * @function decode
         * @memberof tensorboard.TensorProto
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {tensorboard.TensorProto & tensorboard.TensorProto.$Shape} TensorProto
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TensorProto.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.tensorboard.TensorProto();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.dtype = value;
                        else
                            delete message.dtype;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.tensor_shape = $root.tensorboard.TensorShapeProto.decode(reader, reader.size(), $undefined, _depth + 1, message.tensor_shape);
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.version_number = value;
                        else
                            delete message.version_number;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.tensor_content = value;
                        else
                            delete message.tensor_content;
                        continue;
                    }
                case 13: {
                        if (wireType === 2) {
                            if (!(message.half_val && message.half_val.length))
                                message.half_val = [];
                            reader.int32s(message.half_val);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.half_val && message.half_val.length))
                            message.half_val = [];
                        message.half_val.push(reader.int32());
                        continue;
                    }
                case 5: {
                        if (wireType === 2) {
                            if (!(message.float_val && message.float_val.length))
                                message.float_val = [];
                            reader.floats(message.float_val);
                            continue;
                        }
                        if (wireType !== 5)
                            break;
                        if (!(message.float_val && message.float_val.length))
                            message.float_val = [];
                        message.float_val.push(reader.float());
                        continue;
                    }
                case 6: {
                        if (wireType === 2) {
                            if (!(message.double_val && message.double_val.length))
                                message.double_val = [];
                            reader.doubles(message.double_val);
                            continue;
                        }
                        if (wireType !== 1)
                            break;
                        if (!(message.double_val && message.double_val.length))
                            message.double_val = [];
                        message.double_val.push(reader.double());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a TensorProto message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof tensorboard.TensorProto
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {tensorboard.TensorProto} TensorProto
         */
        TensorProto.fromObject = function (object, _depth) {
            if (object instanceof $root.tensorboard.TensorProto)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".tensorboard.TensorProto: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.tensorboard.TensorProto();
            if (object.dtype != null)
                if ($Number(object.dtype) !== 0)
                    message.dtype = object.dtype | 0;
            if (object.tensor_shape != null) {
                if (!$util.isObject(object.tensor_shape))
                    throw $TypeError(".tensorboard.TensorProto.tensor_shape: object expected");
                message.tensor_shape = $root.tensorboard.TensorShapeProto.fromObject(object.tensor_shape, _depth + 1);
            }
            if (object.version_number != null)
                if ($Number(object.version_number) !== 0)
                    message.version_number = object.version_number | 0;
            if (object.tensor_content != null)
                if (object.tensor_content.length)
                    if (typeof object.tensor_content === "string")
                        $util.base64.decode(object.tensor_content, message.tensor_content = $util.newBuffer($util.base64.length(object.tensor_content)), 0);
                    else if (object.tensor_content.length >= 0)
                        message.tensor_content = object.tensor_content;
            if (object.half_val) {
                if (!$Array.isArray(object.half_val))
                    throw $TypeError(".tensorboard.TensorProto.half_val: array expected");
                message.half_val = $Array(object.half_val.length);
                for (let i = 0; i < object.half_val.length; ++i)
                    message.half_val[i] = object.half_val[i] | 0;
            }
            if (object.float_val) {
                if (!$Array.isArray(object.float_val))
                    throw $TypeError(".tensorboard.TensorProto.float_val: array expected");
                message.float_val = $Array(object.float_val.length);
                for (let i = 0; i < object.float_val.length; ++i)
                    message.float_val[i] = $Number(object.float_val[i]);
            }
            if (object.double_val) {
                if (!$Array.isArray(object.double_val))
                    throw $TypeError(".tensorboard.TensorProto.double_val: array expected");
                message.double_val = $Array(object.double_val.length);
                for (let i = 0; i < object.double_val.length; ++i)
                    message.double_val[i] = $Number(object.double_val[i]);
            }
            return message;
        };

        /**
         * Creates a plain object from a TensorProto message. Also converts values to other types if specified.
         * @function toObject
         * @memberof tensorboard.TensorProto
         * @static
         * @param {tensorboard.TensorProto} message TensorProto
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TensorProto.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object.float_val = [];
                object.double_val = [];
                object.half_val = [];
            }
            if (options.defaults) {
                object.dtype = 0;
                object.tensor_shape = null;
                object.version_number = 0;
                if (options.bytes === $String)
                    object.tensor_content = "";
                else {
                    object.tensor_content = [];
                    if (options.bytes !== $Array)
                        object.tensor_content = $util.newBuffer(object.tensor_content);
                }
            }
            if (message.dtype != null && $Object.hasOwnProperty.call(message, "dtype"))
                object.dtype = message.dtype;
            if (message.tensor_shape != null && $Object.hasOwnProperty.call(message, "tensor_shape"))
                object.tensor_shape = $root.tensorboard.TensorShapeProto.toObject(message.tensor_shape, options, _depth + 1);
            if (message.version_number != null && $Object.hasOwnProperty.call(message, "version_number"))
                object.version_number = message.version_number;
            if (message.tensor_content != null && $Object.hasOwnProperty.call(message, "tensor_content"))
                object.tensor_content = options.bytes === $String ? $util.base64.encode(message.tensor_content, 0, message.tensor_content.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.tensor_content) : message.tensor_content;
            if (message.float_val && message.float_val.length) {
                object.float_val = $Array(message.float_val.length);
                for (let j = 0; j < message.float_val.length; ++j)
                    object.float_val[j] = options.json && !$isFinite(message.float_val[j]) ? $String(message.float_val[j]) : message.float_val[j];
            }
            if (message.double_val && message.double_val.length) {
                object.double_val = $Array(message.double_val.length);
                for (let j = 0; j < message.double_val.length; ++j)
                    object.double_val[j] = options.json && !$isFinite(message.double_val[j]) ? $String(message.double_val[j]) : message.double_val[j];
            }
            if (message.half_val && message.half_val.length) {
                object.half_val = $Array(message.half_val.length);
                for (let j = 0; j < message.half_val.length; ++j)
                    object.half_val[j] = message.half_val[j];
            }
            return object;
        };

        /**
         * Converts this TensorProto to JSON.
         * @function toJSON
         * @memberof tensorboard.TensorProto
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TensorProto.prototype.toJSON = function() {
            return TensorProto.toObject(this, $protobuf.util.toJSONOptions);
        };

        return TensorProto;
    })();

    return tensorboard;
})();

export {
  $root as default
};
